package dev.hangar.service.web;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * The body of a request that {@link BodyBuffering} received into a file. A handler that
 * stores bodies in files on the same file system may move the file into place rather than
 * copy it; the file is deleted after the request if it is still there.
 */
public final class SpooledBodyStream extends ReceivedBody.Stream {

	private final Path file;

	private final long length;

	SpooledBodyStream(InputStream in, Path file, long length) {
		super(in);
		this.file = file;
		this.length = length;
	}

	/** The file that holds the whole body. */
	public Path file() {
		return this.file;
	}

	/** How many bytes the body has. */
	public long length() {
		return this.length;
	}

}
