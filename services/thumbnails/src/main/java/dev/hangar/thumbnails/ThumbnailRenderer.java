package dev.hangar.thumbnails;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import net.coobird.thumbnailator.Thumbnails;

/**
 * Scales an image to fit a box, keeping the aspect ratio of the source as its file
 * declares it (the decoded image may be subsampled), turns it the right way up (its EXIF
 * orientation; the small thumbnail is turned, not the large source), and encodes it
 * (Thumbnailator, then ImageIO).
 */
class ThumbnailRenderer {

	byte[] render(ImageDecoder.DecodedImage source, ThumbnailSize box, ThumbnailFormat format) {
		Orientation orientation = source.orientation();
		int[] size = orientation.swapsSides() ? fit(source.sourceHeight(), source.sourceWidth(), box)
				: fit(source.sourceWidth(), source.sourceHeight(), box);
		int storedWidth = orientation.swapsSides() ? size[1] : size[0];
		int storedHeight = orientation.swapsSides() ? size[0] : size[1];
		try {
			BufferedImage scaled = orientation
				.apply(Thumbnails.of(source.image()).forceSize(storedWidth, storedHeight).asBufferedImage());
			BufferedImage output = format.hasAlpha() ? scaled : onWhite(scaled);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			if (!ImageIO.write(output, format.imageIoName(), out)) {
				throw new IllegalStateException("No ImageIO writer for " + format);
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot encode a " + format + " thumbnail", ex);
		}
	}

	/**
	 * The largest width and height within {@code box} with the source's aspect ratio, at
	 * least 1x1.
	 */
	static int[] fit(int width, int height, ThumbnailSize box) {
		double ratio = (double) width / height;
		double boxRatio = (double) box.width() / box.height();
		int targetWidth = box.width();
		int targetHeight = box.height();
		if (ratio > boxRatio) {
			targetHeight = (int) Math.round(box.width() / ratio);
		}
		else if (ratio < boxRatio) {
			targetWidth = (int) Math.round(box.height() * ratio);
		}
		return new int[] { Math.max(1, targetWidth), Math.max(1, targetHeight) };
	}

	/**
	 * Formats without transparency get transparent pixels laid on white rather than
	 * black.
	 */
	private static BufferedImage onWhite(BufferedImage source) {
		if (!source.getColorModel().hasAlpha() && source.getType() == BufferedImage.TYPE_INT_RGB) {
			return source;
		}
		BufferedImage rgb = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = rgb.createGraphics();
		try {
			graphics.setColor(Color.WHITE);
			graphics.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
			graphics.drawImage(source, 0, 0, null);
		}
		finally {
			graphics.dispose();
		}
		return rgb;
	}

}
