package dev.hangar.thumbnails;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.hangar.service.support.AtomicFiles;

/**
 * Thumbnails made from stored files, on disk, each with the ETag of the file it was made
 * from. Bounded in size: after a write, the least recently used entries go until it fits.
 * An entry is one file, the ETag on its first line and the thumbnail after it, written
 * aside and renamed into place, so that a reader never sees half an entry.
 */
class ThumbnailCache {

	private final Path dir;

	private final long maxBytes;

	ThumbnailCache(Path dir, long maxBytes) {
		this.dir = dir;
		this.maxBytes = maxBytes;
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the thumbnail cache " + dir, ex);
		}
	}

	/** The key of a thumbnail: what it shows, at which size and in which format. */
	static String key(String source, String path, ThumbnailMaker.Request request) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update((source + "\n" + path + "\n" + request.size() + "\n" + request.format())
				.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	Optional<Entry> get(String key) {
		Path file = this.dir.resolve(key);
		try {
			byte[] content = Files.readAllBytes(file);
			int newline = indexOf(content, (byte) '\n');
			if (newline < 0) {
				return Optional.empty();
			}
			Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
			String etag = new String(content, 0, newline, StandardCharsets.UTF_8);
			byte[] thumbnail = Arrays.copyOfRange(content, newline + 1, content.length);
			return Optional.of(new Entry(etag, thumbnail));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	void put(String key, String etag, byte[] thumbnail) {
		byte[] head = (etag + "\n").getBytes(StandardCharsets.UTF_8);
		byte[] content = new byte[head.length + thumbnail.length];
		System.arraycopy(head, 0, content, 0, head.length);
		System.arraycopy(thumbnail, 0, content, head.length, thumbnail.length);
		try {
			AtomicFiles.write(this.dir.resolve(key), content);
			evict();
		}
		catch (IOException ex) {
			// A cache that cannot be written only costs time.
		}
	}

	/** Drops the least recently used entries until the cache fits its bound. */
	private void evict() throws IOException {
		List<Path> entries;
		try (Stream<Path> files = Files.list(this.dir)) {
			entries = files.sorted(Comparator.comparing(ThumbnailCache::lastModified)).toList();
		}
		long total = 0;
		for (Path entry : entries) {
			total += Files.size(entry);
		}
		for (Path entry : entries) {
			if (total <= this.maxBytes) {
				break;
			}
			total -= Files.size(entry);
			Files.deleteIfExists(entry);
		}
	}

	private static FileTime lastModified(Path path) {
		try {
			return Files.getLastModifiedTime(path);
		}
		catch (IOException ex) {
			return FileTime.fromMillis(0);
		}
	}

	private static int indexOf(byte[] bytes, byte value) {
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == value) {
				return i;
			}
		}
		return -1;
	}

	/** A cached thumbnail and the ETag of the file it was made from. */
	record Entry(String etag, byte[] thumbnail) {
	}

}
