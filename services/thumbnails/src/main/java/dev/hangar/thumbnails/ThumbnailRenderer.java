package dev.hangar.thumbnails;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import net.coobird.thumbnailator.Thumbnails;

/** Scales an image to fit a box, keeping its aspect ratio, and encodes it (Thumbnailator). */
class ThumbnailRenderer {

	byte[] render(BufferedImage source, ThumbnailSize size, ThumbnailFormat format) {
		BufferedImage input = format.hasAlpha() ? source : onWhite(source);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Thumbnails.of(input).size(size.width(), size.height()).keepAspectRatio(true)
				.outputFormat(format.imageIoName())
				.toOutputStream(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot encode a " + format + " thumbnail", ex);
		}
		return out.toByteArray();
	}

	/** Formats without transparency get transparent pixels laid on white rather than black. */
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
