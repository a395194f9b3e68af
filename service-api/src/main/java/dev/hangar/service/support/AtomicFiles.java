package dev.hangar.service.support;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Files replaced whole or not at all: the new content is written beside the file, forced
 * to disk, renamed over it in one atomic step, and the directory forced too, so that a
 * crash at any moment leaves the old content or the new, and a confirmed write survives
 * it.
 */
public final class AtomicFiles {

	private AtomicFiles() {
	}

	/** Replaces {@code target}'s content with {@code content}. */
	public static void write(Path target, byte[] content) throws IOException {
		write(target, content, null);
	}

	/**
	 * Replaces {@code target}'s content with {@code content}, the file having
	 * {@code permissions} from the moment it exists (a secret is never readable by
	 * others, not even briefly).
	 */
	public static void write(Path target, byte[] content, @Nullable Set<PosixFilePermission> permissions)
			throws IOException {
		Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
		FileAttribute<?>[] attributes = (permissions != null)
				? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(permissions) }
				: new FileAttribute<?>[0];
		try {
			try (FileChannel channel = FileChannel.open(temporary,
					Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
				ByteBuffer bytes = ByteBuffer.wrap(content);
				while (bytes.hasRemaining()) {
					channel.write(bytes);
				}
				channel.force(true);
			}
			replace(temporary, target);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	/**
	 * Renames {@code finished}, a file already forced to disk, over {@code target} in one
	 * atomic step, then forces the directory so that the rename survives a crash.
	 */
	public static void replace(Path finished, Path target) throws IOException {
		Files.move(finished, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		Path directory = target.toAbsolutePath().getParent();
		if (directory != null) {
			syncDirectory(directory);
		}
	}

	/**
	 * Forces a directory's entries to disk; some file systems cannot, and then this does
	 * nothing.
	 */
	public static void syncDirectory(Path directory) {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// Some file systems cannot open a directory; the rename itself is still
			// atomic.
		}
	}

}
