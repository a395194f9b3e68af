package dev.hangar.storage.posix;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import org.apache.catalina.WebResource;
import org.apache.catalina.WebResourceRoot;
import org.apache.catalina.webresources.DirResourceSet;
import org.apache.catalina.webresources.EmptyResource;

import dev.hangar.service.support.AtomicFiles;
import dev.hangar.service.web.SpooledBodyStream;
import dev.hangar.storage.StorageProperties;
import dev.hangar.service.web.RequestRefusedException;

import org.springframework.http.HttpStatus;

/**
 * Tomcat's directory resources, with writes that never leave a partial file in place of
 * an old one: the upload goes to a temporary file under {@value PosixDriver#UPLOADS}, is
 * forced to disk, and is renamed over the target atomically, holding the path's write
 * lock only for the rename. The quota is checked as the bytes arrive. Symbolic links out
 * of the root are refused by Tomcat ({@code allowLinking} stays false).
 */
class PosixResourceSet extends DirResourceSet {

	private static final Set<String> HIDDEN = Set.of(PosixDriver.UPLOADS, PosixDriver.PROPERTIES);

	private final Path root;

	private final Path uploads;

	private final StorageProperties properties;

	private final LongSupplier usedBytes;

	private final DeadPropertyFiles deadProperties;

	PosixResourceSet(WebResourceRoot webResourceRoot, Path root, StorageProperties properties, LongSupplier usedBytes) {
		super(webResourceRoot, "/", root.toString(), "/");
		this.root = root;
		this.uploads = root.resolve(PosixDriver.UPLOADS);
		this.properties = properties;
		this.usedBytes = usedBytes;
		this.deadProperties = new DeadPropertyFiles(root);
		setReadOnly(properties.readOnly());
	}

	@Override
	public WebResource getResource(String path) {
		if (isHidden(path)) {
			return new EmptyResource(getRoot(), path);
		}
		return super.getResource(path);
	}

	@Override
	public String[] list(String path) {
		String[] names = super.list(path);
		return "/".equals(path) ? Arrays.stream(names).filter((name) -> !HIDDEN.contains(name)).toArray(String[]::new)
				: names;
	}

	@Override
	public Set<String> listWebAppPaths(String path) {
		Set<String> paths = super.listWebAppPaths(path);
		return paths.stream().filter((entry) -> !isHidden(entry)).collect(Collectors.toSet());
	}

	@Override
	public boolean mkdir(String path) {
		if (isHidden(path) || !super.mkdir(path)) {
			return false;
		}
		// A new resource starts with no dead properties, whatever a file deleted behind
		// WebDAV's back left.
		this.deadProperties.delete(path);
		return true;
	}

	@Override
	public boolean write(String path, InputStream is, boolean overwrite) {
		checkPath(path);
		if (isReadOnly() || path.endsWith("/") || isHidden(path)) {
			return false;
		}
		File dest = file(path, false);
		if (dest == null || (dest.exists() && !overwrite) || dest.isDirectory()) {
			return false;
		}
		Path temporary = null;
		try {
			long existing = dest.exists() ? dest.length() : 0;
			if (is instanceof SpooledBodyStream spooled && this.uploads.equals(spooled.file().getParent())) {
				// Received whole beside the space already: checked and moved into place,
				// not copied.
				temporary = spooled.file();
				checkQuota(spooled.length(), existing + spooled.length());
				force(temporary);
			}
			else {
				// Not createTempFile: its 0600 mode would become the file's mode after
				// the rename.
				temporary = Files.createFile(this.uploads.resolve("upload-" + UUID.randomUUID() + ".part"));
				copy(is, temporary, existing);
			}
			Lock lock = getLock(path).writeLock();
			lock.lock();
			try {
				if (dest.exists() && !overwrite) {
					return false;
				}
				if (!dest.exists()) {
					this.deadProperties.delete(path);
				}
				AtomicFiles.replace(temporary, dest.toPath());
			}
			finally {
				lock.unlock();
			}
			return true;
		}
		catch (IOException ex) {
			if (DiskWrites.isDiskFull(ex, this.uploads)) {
				throw new RequestRefusedException(HttpStatus.INSUFFICIENT_STORAGE,
						"The disk holding the storage space is full; nothing was stored and "
								+ "the old content, if any, is unchanged. Free some space and retry.",
						ex);
			}
			// The client went away or the disk failed: the old file, if any, is
			// untouched.
			return false;
		}
		finally {
			if (temporary != null) {
				try {
					Files.deleteIfExists(temporary);
				}
				catch (IOException ex) {
					// Removed at the next start.
				}
			}
		}
	}

	/**
	 * Refuses an upload of {@code length} bytes that would take the space past its quota,
	 * once {@code freed} bytes (the file it replaces, and the upload's own copy while it
	 * waits) are counted out of what the space holds.
	 */
	private void checkQuota(long length, long freed) {
		if (this.properties.quota() != null) {
			long allowed = this.properties.quota().toBytes() - (this.usedBytes.getAsLong() - freed);
			if (length > allowed) {
				throw new RequestRefusedException(HttpStatus.INSUFFICIENT_STORAGE,
						"The upload would exceed the quota of " + this.properties.quota() + " (quota); "
								+ Math.max(0, allowed) + " bytes are free.");
			}
		}
	}

	private static void force(Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			channel.force(true);
		}
	}

	/**
	 * Copies the upload, refusing it as soon as it would take the space past its quota.
	 */
	private void copy(InputStream in, Path target, long replacedBytes) throws IOException {
		long allowed = Long.MAX_VALUE;
		if (this.properties.quota() != null) {
			allowed = this.properties.quota().toBytes() - (this.usedBytes.getAsLong() - replacedBytes);
		}
		byte[] buffer = new byte[DiskWrites.BUFFER_SIZE];
		long written = 0;
		try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
			int read;
			while ((read = in.read(buffer)) != -1) {
				written += read;
				if (written > allowed) {
					throw new RequestRefusedException(HttpStatus.INSUFFICIENT_STORAGE,
							"The upload would exceed the quota of " + this.properties.quota() + " (quota); "
									+ Math.max(0, allowed) + " bytes are free.");
				}
				ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
				while (chunk.hasRemaining()) {
					channel.write(chunk);
				}
			}
			channel.force(true);
		}
	}

	private static boolean isHidden(String path) {
		int end = path.indexOf('/', 1);
		return HIDDEN.contains((end < 0) ? path.substring(1) : path.substring(1, end));
	}

	Path root() {
		return this.root;
	}

}
