package dev.hangar.storage.posix;

import java.io.IOException;
import java.nio.file.Path;

import dev.hangar.service.support.DiskFull;

/**
 * What the posix driver's writes share: the buffer they copy through, and telling a full
 * disk apart.
 */
final class DiskWrites {

	/** The size of the buffer an upload is copied through. */
	static final int BUFFER_SIZE = 64 * 1024;

	private DiskWrites() {
	}

	/** Whether a write failed because the disk is full. */
	static boolean isDiskFull(IOException ex, Path onDisk) {
		return DiskFull.caused(ex, onDisk);
	}

}
