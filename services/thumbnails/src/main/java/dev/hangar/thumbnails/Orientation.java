package dev.hangar.thumbnails;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

/**
 * The EXIF orientation of a photo: how the stored pixels are turned to show the picture
 * the right way up. A phone stores the sensor's pixels as they came and says, in this
 * tag, how to turn them. The eight values are those of the TIFF/EXIF specification (tag
 * 274).
 */
enum Orientation {

	/** 1: as stored. */
	NORMAL(false),

	/** 2: mirrored left to right. */
	MIRRORED(false),

	/** 3: turned half a turn. */
	ROTATED_180(false),

	/** 4: mirrored top to bottom. */
	MIRRORED_VERTICALLY(false),

	/** 5: mirrored along the diagonal from the top left. */
	TRANSPOSED(true),

	/** 6: to be turned a quarter turn clockwise. */
	ROTATED_90(true),

	/** 7: mirrored along the diagonal from the top right. */
	TRANSVERSED(true),

	/** 8: to be turned a quarter turn counter-clockwise. */
	ROTATED_270(true);

	private final boolean swapsSides;

	Orientation(boolean swapsSides) {
		this.swapsSides = swapsSides;
	}

	/** Whether the picture's width is the stored pixels' height. */
	boolean swapsSides() {
		return this.swapsSides;
	}

	/**
	 * The orientation a JPEG's EXIF segment gives; {@link #NORMAL} for other formats, and
	 * where there is no tag or it cannot be read (the picture is then shown as stored, as
	 * every viewer does).
	 */
	static Orientation of(byte[] image, String format) {
		if (!format.equals("jpeg")) {
			return NORMAL;
		}
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
			List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(input, JPEG.APP1, "Exif");
			if (segments.isEmpty()) {
				return NORMAL;
			}
			Entry entry = exif(segments.get(0)).getEntryById(TIFF.TAG_ORIENTATION);
			return (entry != null && entry.getValue() instanceof Number value) ? of(value.intValue()) : NORMAL;
		}
		catch (IOException | RuntimeException ex) {
			return NORMAL;
		}
	}

	/** The orientation of tag value {@code value}; {@link #NORMAL} if out of range. */
	static Orientation of(int value) {
		return (value >= 1 && value <= 8) ? values()[value - 1] : NORMAL;
	}

	private static Directory exif(JPEGSegment segment) throws IOException {
		try (InputStream data = segment.data()) {
			byte[] bytes = data.readAllBytes();
			// "Exif\0" is followed by a pad byte before the TIFF header.
			int start = (bytes.length > 0 && bytes[0] == 0) ? 1 : 0;
			try (ImageInputStream tiff = ImageIO
				.createImageInputStream(new ByteArrayInputStream(bytes, start, bytes.length - start))) {
				return new TIFFReader().read(tiff);
			}
		}
	}

	/** {@code stored} turned to show the picture the right way up. */
	BufferedImage apply(BufferedImage stored) {
		if (this == NORMAL) {
			return stored;
		}
		int width = stored.getWidth();
		int height = stored.getHeight();
		int shownWidth = this.swapsSides ? height : width;
		int shownHeight = this.swapsSides ? width : height;
		int type = (stored.getType() != BufferedImage.TYPE_CUSTOM) ? stored.getType()
				: (stored.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		BufferedImage shown = new BufferedImage(shownWidth, shownHeight, type);
		for (int y = 0; y < shownHeight; y++) {
			for (int x = 0; x < shownWidth; x++) {
				shown.setRGB(x, y, stored.getRGB(storedX(x, y, width), storedY(x, y, height)));
			}
		}
		return shown;
	}

	private int storedX(int x, int y, int width) {
		return switch (this) {
			case NORMAL, MIRRORED_VERTICALLY -> x;
			case MIRRORED, ROTATED_180 -> width - 1 - x;
			case TRANSPOSED, ROTATED_90 -> y;
			case TRANSVERSED, ROTATED_270 -> width - 1 - y;
		};
	}

	private int storedY(int x, int y, int height) {
		return switch (this) {
			case NORMAL, MIRRORED -> y;
			case ROTATED_180, MIRRORED_VERTICALLY -> height - 1 - y;
			case TRANSPOSED, ROTATED_270 -> x;
			case ROTATED_90, TRANSVERSED -> height - 1 - x;
		};
	}

}
