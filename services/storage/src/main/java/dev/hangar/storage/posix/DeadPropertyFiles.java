package dev.hangar.storage.posix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import dev.hangar.service.support.AtomicFiles;
import dev.hangar.service.web.RequestRefusedException;

import org.springframework.http.HttpStatus;

/**
 * The dead properties of a space's resources, one small JSON file per resource under
 * {@value PosixDriver#PROPERTIES}, named by a digest of the resource's path (never by the
 * path itself, so no name from a client becomes a file name). Each write goes to a
 * temporary file, is forced to disk and renamed into place: a crash leaves the old
 * properties or the new ones. Nothing is held in memory between requests.
 */
final class DeadPropertyFiles {

	private static final Log logger = LogFactory.getLog(DeadPropertyFiles.class);

	private static final int STRIPES = 64;

	private final Path directory;

	private final JsonMapper json = JsonMapper.builder().build();

	private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

	DeadPropertyFiles(Path spaceRoot) {
		this.directory = spaceRoot.resolve(PosixDriver.PROPERTIES);
		for (int i = 0; i < STRIPES; i++) {
			this.locks[i] = new ReentrantLock();
		}
	}

	/**
	 * The properties of the resource at {@code path}; none when there are none or the
	 * file is unreadable.
	 */
	List<DeadProperty> read(String path) {
		Path file = fileOf(path);
		try {
			Record record = this.json.readValue(Files.readAllBytes(file), Record.class);
			if (!path.equals(record.path()) || record.properties() == null) {
				logger.warn("Ignoring the dead properties in " + file + ": they belong to '" + record.path()
						+ "', not '" + path + "'.");
				return List.of();
			}
			return record.properties();
		}
		catch (NoSuchFileException ex) {
			return List.of();
		}
		catch (JacksonException ex) {
			logger.warn("Ignoring the dead properties in " + file + ", which cannot be read (" + ex.getOriginalMessage()
					+ "); the next PROPPATCH of " + path + " replaces the file.");
			return List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the dead properties of " + path + " from " + file, ex);
		}
	}

	/** Replaces the properties of {@code path}; an empty list removes them. */
	void write(String path, List<DeadProperty> properties) {
		Path file = fileOf(path);
		if (properties.isEmpty()) {
			deleteFile(file);
			return;
		}
		try {
			Files.createDirectories(file.getParent());
			AtomicFiles.write(file, this.json.writeValueAsBytes(new Record(path, properties)));
		}
		catch (IOException ex) {
			if (DiskWrites.isDiskFull(ex, this.directory)) {
				throw new RequestRefusedException(HttpStatus.INSUFFICIENT_STORAGE,
						"The disk holding the storage space is full: the properties of " + path
								+ " are unchanged. Free some space and retry.",
						ex);
			}
			throw new UncheckedIOException("Cannot store the dead properties of " + path + " in " + file, ex);
		}
	}

	/**
	 * Runs {@code change} holding the lock of {@code path}, so that no other change of it
	 * interleaves.
	 */
	<T> T locked(String path, Supplier<T> change) {
		ReentrantLock lock = lockOf(path);
		lock.lock();
		try {
			return change.get();
		}
		finally {
			lock.unlock();
		}
	}

	/** Gives {@code destination} the properties of {@code source}, and only those. */
	void copy(String source, String destination) {
		ReentrantLock first = lockOf(source);
		ReentrantLock second = lockOf(destination);
		if (Integer.compare(stripe(source), stripe(destination)) > 0) {
			ReentrantLock swap = first;
			first = second;
			second = swap;
		}
		first.lock();
		second.lock();
		try {
			write(destination, read(source));
		}
		finally {
			second.unlock();
			first.unlock();
		}
	}

	void delete(String path) {
		locked(path, () -> {
			deleteFile(fileOf(path));
			return null;
		});
	}

	private Path fileOf(String path) {
		String digest = digest(path);
		return this.directory.resolve(digest.substring(0, 2)).resolve(digest + ".json");
	}

	private ReentrantLock lockOf(String path) {
		return this.locks[stripe(path)];
	}

	private static int stripe(String path) {
		return Math.floorMod(path.hashCode(), STRIPES);
	}

	private static void deleteFile(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete " + file, ex);
		}
	}

	private static String digest(String path) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One dead property.
	 *
	 * @param namespace its XML namespace, or null for none
	 * @param name its local name
	 * @param xml the whole element as the client set it, serialized
	 */
	record DeadProperty(@Nullable String namespace, String name, String xml) {

		boolean sameName(@Nullable String otherNamespace, String otherName) {
			return this.name.equals(otherName) && Objects.equals(this.namespace, otherNamespace);
		}

	}

	/**
	 * What a file holds: the path, so that a digest collision or a misplaced file is
	 * noticed.
	 */
	record Record(String path, List<DeadProperty> properties) {
	}

}
