package dev.hangar.storage.posix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.catalina.WebResourceRoot;
import org.apache.catalina.WebResourceSet;
import org.jspecify.annotations.Nullable;

import dev.hangar.storage.StorageDriver;
import dev.hangar.storage.StorageProperties;

/** A storage space in a local directory. */
public final class PosixDriver implements StorageDriver {

	/**
	 * Where uploads are written before they are renamed into place; hidden from clients.
	 */
	static final String UPLOADS = ".hangar-uploads";

	/**
	 * Where the dead properties of the space's resources are kept; hidden from clients.
	 */
	static final String PROPERTIES = ".hangar-properties";

	private final Path root;

	private final StorageProperties properties;

	public PosixDriver(StorageProperties properties) {
		this.properties = properties;
		this.root = properties.root().toAbsolutePath().normalize();
	}

	/**
	 * Creates the root if it is missing and drops what a process that died mid-write
	 * left: uploads, and property files not yet renamed into place.
	 */
	public void prepare() {
		try {
			if (!this.properties.readOnly()) {
				Files.createDirectories(this.root.resolve(UPLOADS));
				try (var leftovers = Files.list(this.root.resolve(UPLOADS))) {
					for (Path leftover : leftovers.toList()) {
						Files.deleteIfExists(leftover);
					}
				}
				if (Files.isDirectory(this.root.resolve(PROPERTIES))) {
					try (var files = Files.walk(this.root.resolve(PROPERTIES))) {
						for (Path leftover : files.filter((file) -> file.toString().endsWith(".tmp")).toList()) {
							Files.deleteIfExists(leftover);
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare the storage root " + this.root, ex);
		}
	}

	@Override
	public WebResourceSet resources(WebResourceRoot webResourceRoot) {
		return new PosixResourceSet(webResourceRoot, this.root, this.properties, this::usedBytes);
	}

	@Override
	public Map<String, String> propertyStoreParameters() {
		return Map.of("propertyStore", PosixPropertyStore.class.getName(), "store.root", this.root.toString());
	}

	@Override
	public Path uploadDirectory() {
		return this.root.resolve(UPLOADS);
	}

	@Override
	public Set<String> reservedNames() {
		return Set.of(UPLOADS, PROPERTIES);
	}

	@Override
	public long usedBytes() {
		return sizeOf(this.root, true);
	}

	@Override
	public long bytesAt(String path, boolean recursive) {
		Path resolved = this.root.resolve(path.replaceFirst("^/+", "")).normalize();
		if (!resolved.startsWith(this.root) || !Files.exists(resolved, LinkOption.NOFOLLOW_LINKS)) {
			return 0;
		}
		return sizeOf(resolved, recursive);
	}

	@Override
	public long usableBytes() {
		try {
			return Files.getFileStore(this.root).getUsableSpace();
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static long sizeOf(Path start, boolean recursive) {
		AtomicLong total = new AtomicLong();
		try {
			Files.walkFileTree(start, EnumSet.noneOf(FileVisitOption.class), recursive ? Integer.MAX_VALUE : 0,
					new SimpleFileVisitor<>() {

						@Override
						public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
							if (attributes.isRegularFile()) {
								total.addAndGet(attributes.size());
							}
							return FileVisitResult.CONTINUE;
						}

						@Override
						public FileVisitResult visitFileFailed(Path file, IOException ex) {
							return FileVisitResult.CONTINUE;
						}

					});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return total.get();
	}

	@Override
	public @Nullable String problem() {
		if (!Files.isDirectory(this.root)) {
			return "root " + this.root + " is missing";
		}
		if (!this.properties.readOnly() && !Files.isWritable(this.root)) {
			return "root " + this.root + " is not writable";
		}
		return null;
	}

	public Path root() {
		return this.root;
	}

}
