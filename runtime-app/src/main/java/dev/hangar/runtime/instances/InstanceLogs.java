package dev.hangar.runtime.instances;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Instances' logs: {@code output.log} in each instance's folder, written by the
 * instance's process itself, read here in whole lines, in chunks and from an offset; kept
 * within {@code log-max-size} on a thread of its own, never the supervisor's, by moving
 * the older part to {@code output.log.1} ({@link LogRotation}).
 * <p>
 * An offset handed out stays valid across rotations: it counts every byte the log has
 * held since the runtime started, so a reader asking from it gets what came next, not a
 * stretch shifted by what moved out. Offsets from before the runtime started, or of bytes
 * that moved out, read from the log's current start.
 */
final class InstanceLogs implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(InstanceLogs.class);

	static final String FILE = "output.log";

	/** The most a chunk or a readiness check reads at once. */
	private static final int MAX_READ = 1 << 20;

	/** The most a tail reads. */
	private static final int MAX_TAIL = 4 << 20;

	private final Path root;

	private final long maxBytes;

	private final LogRotation rotation = new LogRotation();

	/** How many bytes moved out of the front of each log since the runtime started. */
	private final Map<Path, Long> movedOut = new ConcurrentHashMap<>();

	/** Readers see a log and its moved-out count from the same side of a rotation. */
	private final ReadWriteLock rotating = new ReentrantReadWriteLock();

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
	 * The log an instance about to start writes to, bounded as a running one's is;
	 * answers the offset where the new process's lines will begin.
	 */
	long prepare(Path log) throws IOException {
		Files.createDirectories(log.getParent());
		if (Files.exists(log)) {
			bound(log);
		}
		return end(log);
	}

	/**
	 * The last {@code lines} lines of a log (from its last few megabytes at most), and
	 * the offset of its end.
	 */
	LogChunk tail(Path log, int lines) {
		this.rotating.readLock().lock();
		try {
			long end = end(log);
			long size = Files.exists(log) ? Files.size(log) : 0;
			LogChunk last = read(log, end - Math.min(size, MAX_TAIL), MAX_TAIL);
			List<String> all = last.text().lines().toList();
			String text = String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()))
					+ (all.isEmpty() ? "" : "\n");
			return new LogChunk(text, last.next());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.rotating.readLock().unlock();
		}
	}

	/**
	 * What a log holds from offset {@code from} on (at most a megabyte), and the offset
	 * where that ends.
	 */
	LogChunk chunk(Path log, long from) {
		try {
			return read(log, from);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The offset just past the last byte of a log. */
	long end(Path log) {
		this.rotating.readLock().lock();
		try {
			return this.movedOut.getOrDefault(key(log), 0L) + (Files.exists(log) ? Files.size(log) : 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.rotating.readLock().unlock();
		}
	}

	/** The lines of a log from offset {@code offset} on. */
	Stream<String> linesFrom(Path log, long offset) throws IOException {
		return read(log, offset).text().lines();
	}

	/**
	 * At most {@code limit} bytes of a log from offset {@code from} on, read from the
	 * log's start if that offset is not in it (any more).
	 */
	private LogChunk read(Path log, long from) throws IOException {
		return read(log, from, MAX_READ);
	}

	private LogChunk read(Path log, long from, int limit) throws IOException {
		this.rotating.readLock().lock();
		try {
			long moved = this.movedOut.getOrDefault(key(log), 0L);
			if (!Files.exists(log)) {
				return new LogChunk("", moved);
			}
			try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
				long size = channel.size();
				long start = (from < moved || from - moved > size) ? 0 : from - moved;
				ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size - start, limit));
				while (buffer.hasRemaining() && channel.read(buffer, start + buffer.position()) > 0) {
					// a read may return less than asked
				}
				return new LogChunk(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8),
						moved + start + buffer.position());
			}
		}
		finally {
			this.rotating.readLock().unlock();
		}
	}

	/** Keeps the logs of every instance within {@code log-max-size}. */
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

	/**
	 * Moves the older part of a log past half of {@code log-max-size} to
	 * {@code output.log.1}.
	 */
	void bound(Path log) {
		this.rotating.writeLock().lock();
		try {
			long moved = this.rotation.rotate(log, this.maxBytes / 2);
			if (moved > 0) {
				this.movedOut.merge(key(log), moved, Long::sum);
			}
		}
		catch (IOException ex) {
			logger.warn("Cannot bound the log " + log + ": " + ex.getMessage());
		}
		finally {
			this.rotating.writeLock().unlock();
		}
	}

	private static Path key(Path log) {
		return log.toAbsolutePath().normalize();
	}

	/** Part of a log, and the offset where the next read starts. */
	public record LogChunk(String text, long next) {
	}

}
