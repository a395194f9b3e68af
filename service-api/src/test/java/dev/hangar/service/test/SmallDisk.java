package dev.hangar.service.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A real file system of a few megabytes (tmpfs), mounted for a test that needs a disk to
 * fill up. Mounting needs root, as in CI; where it is refused the test is skipped and
 * says why.
 */
public final class SmallDisk implements AutoCloseable {

	private final Path mountPoint;

	private SmallDisk(Path mountPoint) {
		this.mountPoint = mountPoint;
	}

	/** Mounts a tmpfs of {@code megabytes} at {@code mountPoint}, creating the folder. */
	public static SmallDisk mount(Path mountPoint, int megabytes) {
		try {
			Files.createDirectories(mountPoint);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String output = run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m,mode=0755", "tmpfs",
				mountPoint.toString());
		Assumptions.assumeTrue(output == null, () -> "A small disk (tmpfs) cannot be mounted here, so the full-disk "
				+ "case is not tested: " + output);
		return new SmallDisk(mountPoint);
	}

	public Path path() {
		return this.mountPoint;
	}

	/** Bytes the file system can still take. */
	public long free() {
		try {
			return Files.getFileStore(this.mountPoint).getUsableSpace();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Fills the disk with a file until at most {@code leave} bytes are free. */
	public Path fill(String name, long leave) {
		Path filler = this.mountPoint.resolve(name);
		byte[] chunk = new byte[4096];
		try (var out = Files.newOutputStream(filler)) {
			while (free() > leave) {
				out.write(chunk, 0, (int) Math.min(chunk.length, Math.max(1, free() - leave)));
				out.flush();
			}
		}
		catch (IOException ex) {
			// Full: exactly what was wanted.
		}
		return filler;
	}

	@Override
	public void close() {
		run("umount", "-l", this.mountPoint.toString());
	}

	/** Runs a command; null when it succeeded, else what it printed. */
	private static String run(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return String.join(" ", command) + " did not finish";
			}
			return (process.exitValue() == 0) ? null : String.join(" ", command) + ": " + output.trim();
		}
		catch (IOException ex) {
			return ex.getMessage();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

}
