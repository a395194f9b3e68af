package dev.hangar.thumbnails;

import dev.hangar.service.web.RequestRefusedException;

import org.springframework.http.HttpStatus;

/**
 * How coarsely to decode an image for a thumbnail: every {@code step}-th pixel of every
 * {@code step}-th row. Skipped pixels are never decoded, so they are not averaged into
 * the thumbnail either: fine detail can alias. The step is therefore as small as leaves
 * the decoded image at least four times the thumbnail's size (scaling down then averages
 * over the rest), and larger only when the render memory could not hold that, up to the
 * step that leaves the image the thumbnail's own size.
 *
 * @param step pixels stepped over in each direction
 * @param bytes the memory the decoded image and its scaling will take at that step
 */
record Subsampling(int step, long bytes) {

	/**
	 * How many times the thumbnail's size the decoded image keeps, when memory allows.
	 */
	private static final int OVERSAMPLING = 4;

	/**
	 * @param bytesPerPixel the memory a decoded pixel takes, with the copies scaling
	 * makes of it
	 * @param fixedBytes the memory a render takes whatever the step (the thumbnail
	 * itself)
	 * @param memory the most a render may take
	 * @throws RequestRefusedException (413) when not even the coarsest step fits
	 */
	static Subsampling plan(int width, int height, ThumbnailSize box, long bytesPerPixel, long fixedBytes,
			long memory) {
		double shrink = Math.max((double) width / box.width(), (double) height / box.height());
		int finest = (int) Math.max(1, Math.floor(shrink / OVERSAMPLING));
		int coarsest = (int) Math.max(1, Math.floor(shrink));
		for (int step = finest; step <= coarsest; step++) {
			long bytes = bytesAt(width, height, step, bytesPerPixel, fixedBytes);
			if (bytes <= memory) {
				return new Subsampling(step, bytes);
			}
		}
		long least = bytesAt(width, height, coarsest, bytesPerPixel, fixedBytes);
		throw new RequestRefusedException(HttpStatus.CONTENT_TOO_LARGE,
				"The " + width + "x" + height + " image needs " + megabytes(least) + " of memory to render at " + box
						+ " even decoded coarsely; the limit is " + megabytes(memory)
						+ " (render-memory). Ask for a smaller thumbnail or send a smaller image.");
	}

	private static long bytesAt(int width, int height, int step, long bytesPerPixel, long fixedBytes) {
		long pixels = (long) ((width + step - 1) / step) * ((height + step - 1) / step);
		return pixels * bytesPerPixel + fixedBytes;
	}

	private static String megabytes(long bytes) {
		return (bytes + (1 << 20) - 1) / (1 << 20) + " MB";
	}

}
