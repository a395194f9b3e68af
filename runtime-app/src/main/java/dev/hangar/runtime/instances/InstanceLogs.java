package dev.hangar.runtime.instances;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Instances' logs: {@code output.log} in each instance's folder, written by the
 * instance's process itself, read here in whole lines, in chunks and from an offset; kept
 * within {@code log-max-size} on a thread of its own, never the supervisor's.
 */
final class InstanceLogs implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(InstanceLogs.class);

	static final String FILE = "output.log";

	/** The most a chunk or a readiness check reads at once. */
	private static final int MAX_READ = 1 << 20;

	private final Path root;

	private final long maxBytes;

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "hangar-instances-logs");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * @param root the folder of every instance's folder ({@code <template>/<name>})
	 * @param maxBytes {@code log-max-size}
	 */
	InstanceLogs(Path root, long maxBytes) {
		this.root = root;
		this.maxBytes = maxBytes;
	}

	/** Keeps every log within its bound from now on, checking once a second. */
	void start() {
		this.executor.scheduleWithFixedDelay(this::boundAll, 1, 1, TimeUnit.SECONDS);
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	/** The log of the instance whose folder is {@code directory}. */
	static Path of(Path directory) {
		return directory.resolve(FILE);
	}

	/**
	 * The log an instance about to start writes to, moved aside first if it is past half
	 * its bound (no process writes to it then); answers where the new process's lines
	 * will begin.
	 */
	long prepare(Path log) throws IOException {
		Files.createDirectories(log.getParent());
		if (Files.exists(log) && Files.size(log) > this.maxBytes / 2) {
			Files.move(log, log.resolveSibling(FILE + ".1"), StandardCopyOption.REPLACE_EXISTING);
		}
		return Files.exists(log) ? Files.size(log) : 0;
	}

	/** The last {@code lines} lines of a log. */
	static String tail(Path log, int lines) {
		try {
			if (!Files.exists(log)) {
				return "";
			}
			List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()))
					+ (all.isEmpty() ? "" : "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What a log holds from byte {@code from} on (at most a megabyte), and where that
	 * ends. A log that was bounded since (shorter than {@code from}) is read from its
	 * start.
	 */
	static LogChunk chunk(Path log, long from) {
		try {
			if (!Files.exists(log)) {
				return new LogChunk("", 0);
			}
			try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
				long size = channel.size();
				long start = (from > size) ? 0 : from;
				ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size - start, MAX_READ));
				channel.read(buffer, start);
				return new LogChunk(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8),
						start + buffer.position());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static long size(Path log) {
		try {
			return Files.exists(log) ? Files.size(log) : 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The lines of a log from byte {@code offset} on (from its start if it is shorter
	 * now).
	 */
	static Stream<String> linesFrom(Path log, long offset) throws IOException {
		if (!Files.exists(log)) {
			return Stream.empty();
		}
		try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
			long size = channel.size();
			long from = (offset > size) ? 0 : offset;
			ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size - from, MAX_READ));
			channel.read(buffer, from);
			return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).lines();
		}
	}

	/**
	 * Keeps the logs of running instances within {@code log-max-size}: a log past half of
	 * it is copied to {@code output.log.1} and emptied in place. The instance writes in
	 * append mode, so it goes on writing at the new end; what it writes between the copy
	 * and the emptying is lost.
	 */
	private void boundAll() {
		if (!Files.isDirectory(this.root)) {
			return;
		}
		try (Stream<Path> logs = Files.find(this.root, 3,
				(path, attributes) -> path.getFileName().toString().equals(FILE))) {
			logs.forEach(this::bound);
		}
		catch (IOException | UncheckedIOException ex) {
			logger.warn("Cannot bound the instances' logs under " + this.root + ": " + ex.getMessage());
		}
	}

	private void bound(Path log) {
		try {
			if (Files.size(log) > this.maxBytes / 2) {
				Files.copy(log, log.resolveSibling(FILE + ".1"), StandardCopyOption.REPLACE_EXISTING);
				try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
					channel.truncate(0);
				}
			}
		}
		catch (IOException ex) {
			logger.warn("Cannot bound the log " + log + ": " + ex.getMessage());
		}
	}

	/** Part of a log, and the offset where the next read starts. */
	public record LogChunk(String text, long next) {
	}

}
