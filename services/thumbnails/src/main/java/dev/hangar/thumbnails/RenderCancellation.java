package dev.hangar.thumbnails;

import javax.imageio.ImageReader;

import org.jspecify.annotations.Nullable;

/**
 * Lets the request's thread stop a render it no longer wants (its client went away, or
 * time ran out): the decoder in progress is aborted between rows, and the render stops at
 * its next step.
 */
final class RenderCancellation {

	private volatile @Nullable String reason;

	private volatile @Nullable ImageReader reader;

	/** The reader now decoding, aborted at once if the render was cancelled already. */
	void decodingWith(@Nullable ImageReader reader) {
		this.reader = reader;
		if (reader != null && this.reason != null) {
			reader.abort();
		}
	}

	void cancel(String reason) {
		this.reason = reason;
		ImageReader current = this.reader;
		if (current != null) {
			current.abort();
		}
	}

	boolean isCancelled() {
		return this.reason != null;
	}

	/** Throws when the render was cancelled. */
	void check() {
		String why = this.reason;
		if (why != null) {
			throw new RenderCancelledException(why);
		}
	}

}
