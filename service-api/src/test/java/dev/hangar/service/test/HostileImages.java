package dev.hangar.service.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/** Images a hostile client would send, made without holding their pixels in memory. */
public final class HostileImages {

	private HostileImages() {
	}

	/**
	 * A PNG of {@code width} x {@code height} 16-bit RGBA pixels (8 bytes each decoded),
	 * written row by row so that making it takes no more memory than one row: a few
	 * hundred kilobytes on disk for a 7000x7000 image that decodes to 392 MB. Its rows
	 * are a gradient, so that it is not all one colour.
	 */
	public static byte[] png16BitRgba(int width, int height) {
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			png.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
			ByteBuffer header = ByteBuffer.allocate(13)
				.putInt(width)
				.putInt(height)
				.put((byte) 16)
				.put((byte) 6)
				.put((byte) 0)
				.put((byte) 0)
				.put((byte) 0);
			chunk(png, "IHDR", header.array());
			ByteArrayOutputStream compressed = new ByteArrayOutputStream();
			try (DeflaterOutputStream deflater = new DeflaterOutputStream(compressed, new Deflater(9))) {
				byte[] row = new byte[1 + width * 8];
				for (int y = 0; y < height; y++) {
					Arrays.fill(row, 1, row.length, (byte) (y * 255 / height));
					row[0] = 0;
					deflater.write(row);
				}
			}
			chunk(png, "IDAT", compressed.toByteArray());
			chunk(png, "IEND", new byte[0]);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return png.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		png.write(ByteBuffer.allocate(4).putInt(data.length).array());
		png.write(typeBytes);
		png.write(data);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		png.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

}
