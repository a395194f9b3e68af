package dev.hangar.runtime.instances;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.hangar.service.support.AtomicFiles;

/**
 * Moves the older part of a log that a running process appends to into
 * {@code output.log.1} without losing a byte the process writes meanwhile.
 * <p>
 * The older part, whole file-system blocks from the start, is copied aside first; then
 * those blocks are cut from the front of the log in place, in one step of the file system
 * ({@code fallocate --collapse-range}, ext4 and XFS). The process writes in append mode,
 * so whatever it writes during the copy lands past the cut and stays. A line that crosses
 * the cut ends in {@code output.log.1} and goes on in {@code output.log}: the two read
 * one after the other are exactly what the process wrote.
 * <p>
 * Java has no call for it, so this runs util-linux's {@code fallocate}. Where the file
 * system cannot collapse a range (tmpfs, NFS, ...) the log is copied aside and emptied
 * instead, which loses what the process writes between the two: that is logged once.
 */
final class LogRotation {

	private static final Log logger = LogFactory.getLog(LogRotation.class);

	private static final long FALLOCATE_TIMEOUT_SECONDS = 30;

	private final AtomicBoolean lossyWarned = new AtomicBoolean();

	/**
	 * Moves the front of {@code log} to {@code output.log.1} if the log holds more than
	 * {@code threshold} bytes.
	 * @return how many bytes left the front of the log: every offset in it moved back
	 * that much
	 */
	long rotate(Path log, long threshold) throws IOException {
		long size = Files.size(log);
		if (size <= threshold) {
			return 0;
		}
		long block = Files.getFileStore(log).getBlockSize();
		// The range cut must be whole blocks and must end before the end of the file.
		long cut = ((size - 1) / block) * block;
		if (cut > 0) {
			copyFront(log, cut);
			if (collapse(log, cut)) {
				return cut;
			}
		}
		return copyAndEmpty(log);
	}

	private static void copyFront(Path log, long length) throws IOException {
		Path older = older(log);
		Path temporary = older.resolveSibling("." + older.getFileName() + ".tmp");
		try (FileChannel from = FileChannel.open(log, StandardOpenOption.READ);
				FileChannel to = FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
						StandardOpenOption.TRUNCATE_EXISTING))) {
			long copied = 0;
			while (copied < length) {
				copied += from.transferTo(copied, length - copied, to);
			}
			to.force(true);
		}
		AtomicFiles.replace(temporary, older);
	}

	private boolean collapse(Path log, long length) throws IOException {
		Process fallocate;
		try {
			fallocate = new ProcessBuilder("fallocate", "--collapse-range", "--offset", "0", "--length",
					Long.toString(length), log.toString())
				.redirectErrorStream(true)
				.start();
		}
		catch (IOException ex) {
			warnLossy(log, String.valueOf(ex.getMessage()));
			return false;
		}
		try {
			fallocate.getOutputStream().close();
			String output = new String(fallocate.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			if (!fallocate.waitFor(FALLOCATE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				fallocate.destroyForcibly();
				throw new IOException("fallocate did not finish within " + FALLOCATE_TIMEOUT_SECONDS + " s");
			}
			if (fallocate.exitValue() == 0) {
				return true;
			}
			warnLossy(log, output);
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while rotating " + log, ex);
		}
	}

	private long copyAndEmpty(Path log) throws IOException {
		long size = Files.size(log);
		copyFront(log, size);
		try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
			channel.truncate(0);
		}
		return size;
	}

	private void warnLossy(Path log, String why) {
		if (this.lossyWarned.compareAndSet(false, true)) {
			logger.warn("The file system of " + log.getParent() + " cannot cut the front of a file in place ("
					+ List.of(why.split("\n")).get(0) + "), so instances' logs are copied to "
					+ older(log).getFileName()
					+ " and emptied: lines written in between are lost. Put the data dir on ext4 or XFS to keep them.");
		}
	}

	static Path older(Path log) {
		return log.resolveSibling(log.getFileName() + ".1");
	}

}
