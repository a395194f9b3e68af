package dev.hangar.service.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tells a write that failed because its disk is full from other failures. */
public final class DiskFull {

	/** Below this many free bytes a failed write is taken for a full disk. */
	private static final long NEARLY_FULL = 64 * 1024;

	private DiskFull() {
	}

	/**
	 * Whether a write to {@code onDisk} failed because the disk is full (ENOSPC or a
	 * user's disk quota). The message is the C library's and may be translated, so the
	 * free space decides too.
	 */
	public static boolean caused(IOException failure, Path onDisk) {
		String message = String.valueOf(failure.getMessage());
		if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
			return true;
		}
		try {
			return Files.getFileStore(onDisk).getUsableSpace() < NEARLY_FULL;
		}
		catch (IOException unreadable) {
			return false;
		}
	}

}
