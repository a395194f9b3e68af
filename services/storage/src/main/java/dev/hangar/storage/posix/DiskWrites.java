package dev.hangar.storage.posix;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import dev.hangar.service.DiskFull;

/**
 * What every durable write of the posix driver needs: a directory sync, and telling a
 * full disk apart.
 */
final class DiskWrites {

	/** The size of the buffer an upload is copied through. */
	static final int BUFFER_SIZE = 64 * 1024;

	private DiskWrites() {
	}

	/** Forces a directory's entries to disk, so that a rename in it survives a crash. */
	static void syncDirectory(Path directory) {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// Some file systems cannot open a directory; the rename itself is still
			// atomic.
		}
	}

	/** Whether a write failed because the disk is full. */
	static boolean isDiskFull(IOException ex, Path onDisk) {
		return DiskFull.caused(ex, onDisk);
	}

}
