package dev.hangar.thumbnails;

import java.awt.image.BufferedImage;
import java.awt.image.SampleModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

import dev.hangar.service.web.RequestRefusedException;

import org.springframework.http.HttpStatus;

/**
 * Decodes an uploaded image for a thumbnail, refusing anything that is not a PNG, JPEG
 * (RGB, greyscale, CMYK or YCCK), GIF, BMP or WebP, and never holding more pixels than
 * the thumbnail needs. The header is read first: an image that declares more than
 * {@code max-input-pixels} is refused before a pixel is decoded. Then the image is
 * decoded subsampled (every n-th pixel of every n-th row, {@link Subsampling}), and only
 * once {@link RenderMemory} has granted what the decoded image and the scaling will take,
 * counted in bytes at the decoded depth (a 16-bit RGBA pixel is 8 bytes).
 */
class ImageDecoder {

	/** The formats accepted as input, as ImageIO names them. */
	static final Set<String> ACCEPTED = Set.of("png", "jpeg", "gif", "bmp", "webp");

	/**
	 * Bytes per pixel of the copies scaling makes (ARGB): a converted source and the
	 * steps down.
	 */
	private static final int WORKING_BYTES_PER_PIXEL = 8;

	/**
	 * Bytes per source pixel that the WebP decoder holds whatever the subsampling: it
	 * decodes the whole frame (luma, chroma, alpha) before it picks pixels from it.
	 */
	private static final int WEBP_FRAME_BYTES_PER_PIXEL = 4;

	private final long maxPixels;

	private final RenderMemory memory;

	private final Duration patience;

	ImageDecoder(long maxPixels, RenderMemory memory, Duration patience) {
		this.maxPixels = maxPixels;
		this.memory = memory;
		this.patience = patience;
		// TwelveMonkeys' readers (CMYK and YCCK JPEG, WebP) are found where this class
		// is, whichever thread first used ImageIO in this JVM.
		IIORegistry.getDefaultInstance()
			.registerServiceProviders(
					ServiceLoader.load(ImageReaderSpi.class, ImageDecoder.class.getClassLoader()).iterator());
	}

	/**
	 * Decodes {@code bytes} for a thumbnail that fits {@code box}; the result holds its
	 * memory reservation until closed.
	 */
	DecodedImage decode(byte[] bytes, ThumbnailSize box, RenderCancellation cancellation) {
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
				Subsampling plan = Subsampling.plan(width, height, box, bytesPerPixel(reader) + WORKING_BYTES_PER_PIXEL,
						(long) box.width() * box.height() * WORKING_BYTES_PER_PIXEL, this.memory.budgetBytes());
				int step = plan.step();
				String format = reader.getFormatName().toLowerCase(Locale.ROOT);
				long needed = plan.bytes() + (format.equals("webp") ? pixels * WEBP_FRAME_BYTES_PER_PIXEL : 0);
				RenderMemory.Reservation reservation = this.memory.reserve(needed,
						"The " + width + "x" + height + " " + format + " image", this.patience);
				try {
					cancellation.check();
					ImageReadParam param = reader.getDefaultReadParam();
					param.setSourceSubsampling(step, step, 0, 0);
					cancellation.decodingWith(reader);
					BufferedImage image = reader.read(0, param);
					cancellation.decodingWith(null);
					cancellation.check();
					return new DecodedImage(image, format, width, height, Orientation.of(bytes, format), reservation);
				}
				catch (RuntimeException | IOException ex) {
					reservation.close();
					throw ex;
				}
			}
			finally {
				cancellation.decodingWith(null);
				reader.dispose();
			}
		}
		catch (RequestRefusedException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw new RequestRefusedException(HttpStatus.UNPROCESSABLE_CONTENT,
					"The image could not be decoded: " + ex.getMessage());
		}
	}

	/** Bytes a decoded pixel takes at the image's own depth. */
	private static int bytesPerPixel(ImageReader reader) throws IOException {
		ImageTypeSpecifier type = reader.getRawImageType(0);
		if (type == null) {
			Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
			type = types.hasNext() ? types.next() : null;
		}
		if (type == null) {
			return 8;
		}
		SampleModel samples = type.getSampleModel(1, 1);
		int bits = 0;
		for (int size : samples.getSampleSize()) {
			bits += size;
		}
		return Math.max(1, (bits + 7) / 8);
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
				"The request body is not a PNG, JPEG, GIF, BMP or WebP image.");
	}

	/**
	 * A decoded image and the memory it holds.
	 *
	 * @param image the pixels, subsampled
	 * @param format the format it came in
	 * @param sourceWidth its width as the file declares it
	 * @param sourceHeight its height as the file declares it
	 * @param orientation how the pixels are turned to show the picture the right way up
	 * @param reservation its share of the render memory, given back on close
	 */
	record DecodedImage(BufferedImage image, String format, int sourceWidth, int sourceHeight, Orientation orientation,
			RenderMemory.Reservation reservation) implements AutoCloseable {

		@Override
		public void close() {
			this.reservation.close();
		}

	}

}
