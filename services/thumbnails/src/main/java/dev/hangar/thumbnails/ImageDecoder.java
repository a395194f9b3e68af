package dev.hangar.thumbnails;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import dev.hangar.service.web.RequestRefusedException;

import org.springframework.http.HttpStatus;

/**
 * Decodes an uploaded image, refusing anything that is not a PNG, JPEG, GIF or BMP, and any image
 * whose header declares more pixels than allowed: the header is read first, so a decompression
 * bomb is refused before a pixel of it is decoded.
 */
class ImageDecoder {

	/** The formats accepted as input, as ImageIO names them. */
	static final Set<String> ACCEPTED = Set.of("png", "jpeg", "gif", "bmp");

	private final long maxPixels;

	ImageDecoder(long maxPixels) {
		this.maxPixels = maxPixels;
	}

	DecodedImage decode(byte[] bytes) {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			ImageReader reader = readerFor(input);
			try {
				reader.setInput(input, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				long pixels = (long) width * height;
				if (pixels > this.maxPixels) {
					throw new RequestRefusedException(HttpStatus.CONTENT_TOO_LARGE,
							"The image is " + width + "x" + height + " (" + pixels + " pixels); the limit is "
									+ this.maxPixels + " pixels (max-input-pixels).");
				}
				BufferedImage image = reader.read(0);
				return new DecodedImage(image, reader.getFormatName().toLowerCase(Locale.ROOT));
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof RequestRefusedException rejected) {
				throw rejected;
			}
			throw new RequestRefusedException(HttpStatus.UNPROCESSABLE_CONTENT,
					"The image could not be decoded: " + ex.getMessage());
		}
	}

	private ImageReader readerFor(ImageInputStream input) {
		if (input != null) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
			while (readers.hasNext()) {
				ImageReader reader = readers.next();
				try {
					if (ACCEPTED.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
						return reader;
					}
				}
				catch (IOException ex) {
					// Try the next reader.
				}
				reader.dispose();
			}
		}
		throw new RequestRefusedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"The request body is not a PNG, JPEG, GIF or BMP image.");
	}

	record DecodedImage(BufferedImage image, String format) {
	}

}
