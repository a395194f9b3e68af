package dev.hangar.storage.posix;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** What every durable write of the posix driver needs: a directory sync, and telling a full disk apart. */
final class DiskWrites {

	/** Below this many free bytes a failed write is taken for a full disk. */
	static final int BUFFER_SIZE = 64 * 1024;

	private DiskWrites() {
	}

	/** Forces a directory's entries to disk, so that a rename in it survives a crash. */
	static void syncDirectory(Path directory) {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// Some file systems cannot open a directory; the rename itself is still atomic.
		}
	}

	/**
	 * Whether a write failed because the disk is full (ENOSPC or a user's disk quota). The
	 * message is the C library's and may be translated, so the free space decides too.
	 */
	static boolean isDiskFull(IOException ex, Path onDisk) {
		String message = String.valueOf(ex.getMessage());
		if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
			return true;
		}
		try {
			return Files.getFileStore(onDisk).getUsableSpace() < BUFFER_SIZE;
		}
		catch (IOException unreadable) {
			return false;
		}
	}

}
