package dev.hangar.runtime.startup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.springframework.util.FileSystemUtils;

/**
 * Directories that are written aside and published by one rename, so that a reader sees a
 * whole cache or none, and a crash leaves only a {@code .partial-} directory to remove.
 */
final class Scratch {

	private Scratch() {
	}

	/**
	 * Renames {@code partial} to {@code target}; if another process published first,
	 * keeps theirs.
	 */
	static void publish(Path partial, Path target) throws IOException {
		try {
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException ex) {
			// Prepared concurrently by another process: theirs is as good as ours.
		}
	}

	/** Deletes a directory tree, if it exists. */
	static void delete(Path root) {
		try {
			FileSystemUtils.deleteRecursively(root);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete " + root, ex);
		}
	}

	/** The last lines of a log, for an error message. */
	static String tail(Path log, int lines) {
		try {
			List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
			return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

}
