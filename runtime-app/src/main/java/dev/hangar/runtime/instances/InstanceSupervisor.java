package dev.hangar.runtime.instances;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.function.SingletonSupplier;

/**
 * Supervises every instance. All state changes run on one thread, so an exit, a timer and an
 * operator's command never race; callers wait for the result. Each instance's output goes
 * straight to its log file, not through the runtime, so an instance outlives a runtime that dies
 * and a new runtime can adopt it.
 *
 * <p>
 * Restart policy: an instance that exits while wanted up is restarted at once if it ran at least
 * {@code min-uptime}; otherwise that is a quick failure, and it is restarted after a wait that
 * doubles from {@code backoff-initial} up to {@code backoff-max}, until {@code max-quick-failures}
 * in a row mark it FAILED. Unlike s6, a service that never signals readiness is not delayed a
 * fixed second, and a crash loop backs off; unlike supervisord, the limit is configurable and the
 * FAILED state is visible in health.
 */
public final class InstanceSupervisor {

	private static final Log logger = LogFactory.getLog(InstanceSupervisor.class);

	private static final String LOG = "output.log";

	/**
	 * Readiness is checked soon after the start, then at doubling intervals up to the last: a
	 * trivial command is ready within milliseconds, a JVM within seconds.
	 */
	private static final long FIRST_READINESS_CHECK_MS = 5;

	private static final long MAX_READINESS_CHECK_MS = 50;

	private final InstanceStore store;

	private final InstanceTemplates templates;

	private final InstanceProperties properties;

	private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread worker = new Thread(task, "hangar-instances");
		worker.setDaemon(true);
		return worker;
	});

	private final Map<String, SupervisedInstance> instances = new LinkedHashMap<>();

	private final InstanceStateChanges changes = new InstanceStateChanges();

	/** Built at the first probe: a client initializes TLS (~0.1 s) on the runtime's start-up path. */
	private final SingletonSupplier<HttpClient> http = SingletonSupplier
		.of(() -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());

	InstanceSupervisor(InstanceStore store, InstanceTemplates templates, InstanceProperties properties) {
		this.store = store;
		this.templates = templates;
		this.properties = properties;
	}

	// ---------------------------------------------------------------- life of the runtime

	/**
	 * Brings back every instance in its wanted state: adopts a process an earlier runtime left
	 * running if it is still the same process (pid and start time), starts the others.
	 */
	public void start() {
		this.thread.scheduleWithFixedDelay(this::boundLogs, 1, 1, TimeUnit.SECONDS);
		call(() -> {
			for (StoredInstance stored : this.store.loadAll()) {
				if (stored.record() == null) {
					SupervisedInstance broken = SupervisedInstance.broken(stored);
					this.instances.put(broken.key(), broken);
					logger.error("Instance " + broken.key() + " is FAILED: " + broken.problem);
					continue;
				}
				InstanceRecord record = stored.record();
				SupervisedInstance instance = new SupervisedInstance(record);
				this.instances.put(instance.key(), instance);
				Optional<ProcessHandle> alive = stillRunning(record);
				if (alive.isPresent()) {
					adopt(instance, alive.get());
				}
				else if (record.pid() != null || record.wanted() == Wanted.UP) {
					instance.record = record.withProcess(null, null);
					this.store.save(instance.record);
					if (record.wanted() == Wanted.UP && !record.failed()) {
						launch(instance);
					}
				}
			}
			return null;
		});
	}

	/** Stops every instance, keeping its wanted state, so that the next runtime brings it back. */
	public void stop() {
		List<CompletableFuture<Void>> exits = call(() -> {
			List<CompletableFuture<Void>> pending = new ArrayList<>();
			for (SupervisedInstance instance : this.instances.values()) {
				cancelTimers(instance);
				if (instance.isUp()) {
					pending.add(terminate(instance));
				}
			}
			return pending;
		});
		exits.forEach(CompletableFuture::join);
		this.thread.shutdown();
	}

	// ---------------------------------------------------------------- operations

	public InstanceStatus create(String template, InstanceName name, boolean down) {
		this.templates.check(template);
		return call(() -> {
			String key = template + "/" + name;
			if (this.instances.containsKey(key)) {
				throw new InstanceException(409, "Instance " + key + " exists already.");
			}
			int port = this.templates.layerPort(template, name).orElseGet(this::allocatePort);
			for (SupervisedInstance other : this.instances.values()) {
				if (other.record.port() == port) {
					throw new InstanceException(409, "Port " + port + " (from " + template + "@" + name
							+ ".yaml) is held by instance " + other.key() + ". Name another port.");
				}
			}
			InstanceRecord record = new InstanceRecord(template, name.value(), down ? Wanted.DOWN : Wanted.UP, port, null,
					null, 0, null, false, Instant.now());
			this.store.save(record);
			SupervisedInstance instance = new SupervisedInstance(record);
			this.instances.put(key, instance);
			if (!down) {
				launch(instance);
			}
			return status(instance);
		});
	}

	public void delete(String template, InstanceName name) {
		CompletableFuture<Void> exit = call(() -> {
			SupervisedInstance instance = require(template, name);
			cancelTimers(instance);
			instance.record = instance.record.withWanted(Wanted.DOWN);
			return instance.isUp() ? terminate(instance) : CompletableFuture.<Void>completedFuture(null);
		});
		exit.join();
		call(() -> {
			this.instances.remove(template + "/" + name);
			this.store.delete(template, name);
			this.changes.signal();
			return null;
		});
	}

	public InstanceStatus control(String template, InstanceName name, String action) {
		return call(() -> {
			SupervisedInstance instance = require(template, name);
			if (instance.problem != null) {
				instance = reload(instance, action);
			}
			switch (action) {
				case "up" -> {
					instance.quickFailures = 0;
					want(instance, Wanted.UP);
					if (!instance.isUp()) {
						cancelTimers(instance);
						launch(instance);
					}
				}
				case "once" -> {
					want(instance, Wanted.ONCE);
					if (!instance.isUp()) {
						cancelTimers(instance);
						launch(instance);
					}
				}
				case "down" -> {
					want(instance, Wanted.DOWN);
					cancelTimers(instance);
					if (instance.isUp()) {
						terminate(instance);
					}
				}
				case "restart" -> {
					if (instance.isUp()) {
						instance.restartAfterExit = true;
						terminate(instance);
					}
					else {
						cancelTimers(instance);
						launch(instance);
					}
				}
				case "term" -> signal(instance, "TERM");
				case "kill" -> signal(instance, "KILL");
				case "hup" -> signal(instance, "HUP");
				default -> throw new InstanceException(400,
						"Unknown action '" + action + "': use up, down, once, restart, term, kill or hup.");
			}
			return status(instance);
		});
	}

	/**
	 * An instance whose file was broken, read again for {@code action}: once the operator fixed the
	 * file it is an instance like any other; until then nothing can be done with it but delete.
	 */
	private SupervisedInstance reload(SupervisedInstance broken, String action) {
		StoredInstance stored = this.store.load(broken.template, broken.name);
		if (stored.record() == null) {
			SupervisedInstance still = SupervisedInstance.broken(stored);
			broken.problem = still.problem;
			throw new InstanceException(409, "Cannot " + action + " " + broken.key() + ": " + still.problem);
		}
		SupervisedInstance fixed = new SupervisedInstance(stored.record());
		this.instances.put(fixed.key(), fixed);
		logger.info("Instance " + fixed.key() + " was read again from its fixed " + stored.file());
		return fixed;
	}

	public InstanceStatus status(String template, InstanceName name) {
		return call(() -> status(require(template, name)));
	}

	public List<InstanceStatus> list(@Nullable String template) {
		return call(() -> this.instances.values()
			.stream()
			.filter((instance) -> template == null || instance.template.equals(template))
			.sorted(Comparator.comparing(SupervisedInstance::key))
			.map(this::status)
			.toList());
	}

	/** Waits until the instance is ready. */
	public InstanceStatus awaitReady(String template, InstanceName name, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			long seen = this.changes.version();
			InstanceStatus status = status(template, name);
			if (status.ready()) {
				return status;
			}
			if ("failed".equals(status.state())) {
				throw new InstanceException(503, "Instance " + template + "/" + name + " FAILED before it was ready; last exit: "
						+ status.lastExit() + ". See 'instance logs " + template + " " + name + "'.");
			}
			if (System.nanoTime() - deadline >= 0) {
				String within = DurationStyle.SIMPLE.print(timeout, wholeUnit(timeout));
				throw new InstanceException(504, "Instance " + template + "/" + name + " was not ready within " + within
						+ " (state " + status.state() + "). See 'instance logs " + template + " " + name + "'.");
			}
			try {
				this.changes.awaitAfter(seen, deadline);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InstanceException(503, "Interrupted while waiting for " + template + "/" + name);
			}
		}
	}

	/** The largest unit that writes the timeout exactly, as the user wrote it: 1s, 90s, 1500ms. */
	private static ChronoUnit wholeUnit(Duration timeout) {
		return (timeout.toMillis() % 1000 == 0) ? ChronoUnit.SECONDS : ChronoUnit.MILLIS;
	}

	/** The last {@code lines} lines of an instance's log. */
	public String logs(String template, InstanceName name, int lines) {
		Path log = call(() -> logFile(require(template, name)));
		try {
			if (!Files.exists(log)) {
				return "";
			}
			List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size())) + (all.isEmpty() ? "" : "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What an instance's log holds from byte {@code from} on, and where it ends. A log that was
	 * bounded since (shorter than {@code from}) is read from its start.
	 */
	public LogChunk logsFrom(String template, InstanceName name, long from) {
		Path log = call(() -> logFile(require(template, name)));
		try {
			if (!Files.exists(log)) {
				return new LogChunk("", 0);
			}
			try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
				long size = channel.size();
				long start = (from > size) ? 0 : from;
				java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) Math.min(size - start, 1 << 20));
				channel.read(buffer, start);
				return new LogChunk(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8),
						start + buffer.position());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** How many bytes an instance's log holds now. */
	public long logSize(String template, InstanceName name) {
		Path log = call(() -> logFile(require(template, name)));
		try {
			return Files.exists(log) ? Files.size(log) : 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Part of a log, and the offset where the next read starts. */
	public record LogChunk(String text, long next) {
	}

	public Path logFile(String template, InstanceName name) {
		return call(() -> logFile(require(template, name)));
	}

	// ---------------------------------------------------------------- on the supervisor's thread

	private void launch(SupervisedInstance instance) {
		Path directory = this.store.directory(instance.template, instance.name);
		Launch launch = this.templates.launch(instance.template, instance.name, instance.record.port(), directory);
		try {
			Files.createDirectories(directory);
			Files.createDirectories(launch.workingDir());
			Path log = rotateIfLarge(logFile(instance));
			instance.logOffset = Files.exists(log) ? Files.size(log) : 0;
			ProcessBuilder builder = new ProcessBuilder(launch.command()).directory(launch.workingDir().toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			builder.environment().putAll(launch.environment());
			Process process = builder.start();
			instance.child = process;
			instance.process = process.toHandle();
			instance.upSince = Instant.now();
			instance.ready = false;
			instance.stopping = false;
			instance.record = instance.record.withProcess(process.pid(), process.toHandle().info().startInstant().orElse(null));
			this.store.save(instance.record);
			watchExit(instance, process.toHandle());
			watchReadiness(instance, launch.readiness());
		}
		catch (IOException ex) {
			instance.record = instance.record.exited("could not start: " + ex.getMessage(), false, false);
			this.store.save(instance.record);
			onQuickFailure(instance);
		}
	}

	private void adopt(SupervisedInstance instance, ProcessHandle process) {
		instance.process = process;
		instance.child = null;
		instance.upSince = process.info().startInstant().orElse(Instant.now());
		instance.ready = false;
		Path directory = this.store.directory(instance.template, instance.name);
		Launch launch = this.templates.launch(instance.template, instance.name, instance.record.port(), directory);
		instance.logOffset = 0;
		watchExit(instance, process);
		watchReadiness(instance, launch.readiness());
		logger.info("Adopted instance " + instance.key() + " (pid " + process.pid() + ")");
	}

	private void watchExit(SupervisedInstance instance, ProcessHandle process) {
		process.onExit().thenRunAsync(() -> onExit(instance, process), this.thread);
	}

	private void onExit(SupervisedInstance instance, ProcessHandle process) {
		if (instance.process == null || instance.process.pid() != process.pid()
				|| this.instances.get(instance.key()) != instance) {
			return;
		}
		Duration uptime = Duration.between((instance.upSince != null) ? instance.upSince : Instant.now(), Instant.now());
		String how = describeExit(instance);
		this.changes.signal();
		instance.process = null;
		instance.child = null;
		instance.ready = false;
		cancelReadiness(instance);
		boolean wasStopping = instance.stopping;
		instance.stopping = false;
		if (instance.restartAfterExit) {
			instance.restartAfterExit = false;
			instance.record = instance.record.exited(how, true, false);
			this.store.save(instance.record);
			launch(instance);
			return;
		}
		if (wasStopping || instance.record.wanted() != Wanted.UP) {
			instance.record = instance.record.exited(how, false, instance.record.failed());
			if (instance.record.wanted() == Wanted.ONCE) {
				instance.record = instance.record.withWanted(Wanted.DOWN);
			}
			this.store.save(instance.record);
			return;
		}
		if (uptime.compareTo(this.properties.minUptime()) >= 0) {
			instance.quickFailures = 0;
			instance.record = instance.record.exited(how, true, false);
			this.store.save(instance.record);
			launch(instance);
			return;
		}
		instance.record = instance.record.exited(how, false, false);
		this.store.save(instance.record);
		onQuickFailure(instance);
	}

	private void onQuickFailure(SupervisedInstance instance) {
		instance.quickFailures++;
		if (instance.quickFailures >= this.properties.maxQuickFailures()) {
			instance.record = instance.record.exited(instance.record.lastExit(), false, true);
			this.store.save(instance.record);
			this.changes.signal();
			logger.warn("Instance " + instance.key() + " FAILED after " + instance.quickFailures
					+ " quick failures in a row; it stays down until 'instance control " + instance.template + " "
					+ instance.name + " up'.");
			return;
		}
		long wait = Math.min(this.properties.backoffMax().toMillis(),
				this.properties.backoffInitial().toMillis() << Math.min(20, instance.quickFailures - 1));
		instance.pendingStart = this.thread.schedule(() -> {
			instance.pendingStart = null;
			if (this.instances.get(instance.key()) == instance && instance.record.wanted() == Wanted.UP && !instance.isUp()) {
				instance.record = new InstanceRecord(instance.record.template(), instance.record.name(),
						instance.record.wanted(), instance.record.port(), null, null, instance.record.restarts() + 1,
						instance.record.lastExit(), false, instance.record.created());
				launch(instance);
			}
		}, wait, TimeUnit.MILLISECONDS);
	}

	/** Sends SIGTERM, then SIGKILL if the process is still there after {@code stop-timeout}. */
	private CompletableFuture<Void> terminate(SupervisedInstance instance) {
		ProcessHandle process = instance.process;
		if (process == null) {
			return CompletableFuture.completedFuture(null);
		}
		instance.stopping = true;
		if ("TERM".equals(this.properties.stopSignal())) {
			process.destroy();
		}
		else {
			sendSignal(process, this.properties.stopSignal());
		}
		this.thread.schedule(() -> {
			if (process.isAlive()) {
				process.destroyForcibly();
			}
		}, this.properties.stopTimeout().toMillis(), TimeUnit.MILLISECONDS);
		return process.onExit().thenApply((handle) -> null);
	}

	private void signal(SupervisedInstance instance, String signal) {
		ProcessHandle process = instance.process;
		if (process == null) {
			throw new InstanceException(409, "Instance " + instance.key() + " is not running.");
		}
		switch (signal) {
			case "TERM" -> process.destroy();
			case "KILL" -> process.destroyForcibly();
			default -> sendSignal(process, signal);
		}
	}

	/** Signals other than TERM and KILL have no Java API: {@code kill -SIG pid}. */
	private static void sendSignal(ProcessHandle process, String signal) {
		try {
			new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void watchReadiness(SupervisedInstance instance, Launch.Readiness readiness) {
		if (readiness instanceof Launch.Readiness.OnStart) {
			instance.ready = true;
			return;
		}
		checkReadinessAfter(FIRST_READINESS_CHECK_MS, instance, instance.process, readiness);
	}

	private void checkReadinessAfter(long delay, SupervisedInstance instance, @Nullable ProcessHandle process,
			Launch.Readiness readiness) {
		instance.readinessCheck = this.thread.schedule(() -> {
			instance.readinessCheck = null;
			if (instance.process != process || !instance.isUp()) {
				return;
			}
			if (isReady(instance, readiness)) {
				instance.ready = true;
				this.templates.instanceReady(instance.template);
				this.changes.signal();
				return;
			}
			checkReadinessAfter(Math.min(delay * 2, MAX_READINESS_CHECK_MS), instance, process, readiness);
		}, delay, TimeUnit.MILLISECONDS);
	}

	private boolean isReady(SupervisedInstance instance, Launch.Readiness readiness) {
		try {
			if (readiness instanceof Launch.Readiness.Probe probe) {
				return this.http.obtain()
					.send(HttpRequest.newBuilder(URI.create(probe.url())).timeout(Duration.ofSeconds(2)).GET().build(),
							HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200;
			}
			if (readiness instanceof Launch.Readiness.File file) {
				return Files.exists(file.path());
			}
			if (readiness instanceof Launch.Readiness.Line line) {
				return logHasLine(instance, Pattern.compile(line.pattern()));
			}
			return true;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private boolean logHasLine(SupervisedInstance instance, Pattern pattern) throws IOException {
		Path log = logFile(instance);
		if (!Files.exists(log)) {
			return false;
		}
		try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
			long size = channel.size();
			long from = Math.min(instance.logOffset, size);
			java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) Math.min(size - from, 1 << 20));
			channel.read(buffer, from);
			String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
			return text.lines().anyMatch((candidate) -> pattern.matcher(candidate).find());
		}
	}

	private InstanceStatus status(SupervisedInstance instance) {
		InstanceRecord record = instance.record;
		boolean up = instance.isUp();
		String state = up ? "up" : (record.failed() ? "failed" : "down");
		Long uptime = (up && instance.upSince != null) ? Duration.between(instance.upSince, Instant.now()).toSeconds() : null;
		return new InstanceStatus(instance.template, instance.name.value(), state, record.wanted().name().toLowerCase(),
				up && instance.ready, up ? instance.process.pid() : null, record.port(), uptime, record.restarts(),
				record.lastExit(), up && instance.child == null,
				up ? this.templates.fromStartupCache(instance.template, instance.process) : null, instance.problem);
	}

	private String describeExit(SupervisedInstance instance) {
		if (instance.child == null) {
			return "exited (adopted process: status unknown)";
		}
		int code = instance.child.exitValue();
		if (code > 128) {
			int signal = code - 128;
			return "signal " + signal + signalName(signal);
		}
		return "exit " + code;
	}

	private static String signalName(int signal) {
		return switch (signal) {
			case 1 -> " (SIGHUP)";
			case 2 -> " (SIGINT)";
			case 9 -> " (SIGKILL)";
			case 15 -> " (SIGTERM)";
			default -> "";
		};
	}

	private void want(SupervisedInstance instance, Wanted wanted) {
		instance.record = instance.record.withWanted(wanted);
		this.store.save(instance.record);
	}

	private void cancelTimers(SupervisedInstance instance) {
		if (instance.pendingStart != null) {
			instance.pendingStart.cancel(false);
			instance.pendingStart = null;
		}
		cancelReadiness(instance);
	}

	private void cancelReadiness(SupervisedInstance instance) {
		if (instance.readinessCheck != null) {
			instance.readinessCheck.cancel(false);
			instance.readinessCheck = null;
		}
	}

	/** A port from the configured range that no instance holds and nothing listens on. */
	private int allocatePort() {
		Set<Integer> taken = new HashSet<>();
		this.instances.values().forEach((instance) -> taken.add(instance.record.port()));
		for (int port = this.properties.portRangeStart(); port <= this.properties.portRangeEnd(); port++) {
			if (!taken.contains(port) && isFree(port)) {
				return port;
			}
		}
		throw new InstanceException(503, "No free port left in instances.port-range-start..port-range-end ("
				+ this.properties.portRangeStart() + "-" + this.properties.portRangeEnd() + "). Widen the range.");
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private Path logFile(SupervisedInstance instance) {
		return this.store.directory(instance.template, instance.name).resolve(LOG);
	}

	/**
	 * Keeps the logs of running instances within {@code log-max-size}: a log past half of it is
	 * copied to {@code output.log.1} and emptied in place. The instance writes in append mode, so
	 * it goes on writing at the new end.
	 */
	private void boundLogs() {
		for (SupervisedInstance instance : this.instances.values()) {
			Path log = logFile(instance);
			try {
				if (Files.exists(log) && Files.size(log) > this.properties.logMaxSize().toBytes() / 2) {
					Files.copy(log, log.resolveSibling(LOG + ".1"), StandardCopyOption.REPLACE_EXISTING);
					try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
						channel.truncate(0);
					}
					instance.logOffset = 0;
				}
			}
			catch (IOException ex) {
				logger.warn("Cannot bound the log of " + instance.key() + ": " + ex.getMessage());
			}
		}
	}

	/** Keeps a log within {@code log-max-size}: the full log becomes {@code output.log.1}. */
	private Path rotateIfLarge(Path log) throws IOException {
		if (Files.exists(log) && Files.size(log) > this.properties.logMaxSize().toBytes() / 2) {
			Files.move(log, log.resolveSibling(LOG + ".1"), StandardCopyOption.REPLACE_EXISTING);
		}
		return log;
	}

	private Optional<ProcessHandle> stillRunning(InstanceRecord record) {
		if (record.pid() == null || record.processStart() == null) {
			return Optional.empty();
		}
		return ProcessHandle.of(record.pid())
			.filter(ProcessHandle::isAlive)
			.filter((handle) -> handle.info().startInstant().map(record.processStart()::equals).orElse(false));
	}

	private SupervisedInstance require(String template, InstanceName name) {
		SupervisedInstance instance = this.instances.get(template + "/" + name);
		if (instance == null) {
			throw new InstanceException(404, "No instance " + template + "/" + name + ". 'instance list' shows them.");
		}
		return instance;
	}

	/** Runs {@code work} on the supervisor's thread and waits for it. */
	private <T> T call(Callable<T> work) {
		try {
			return this.thread.submit(work).get(60, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("The instance supervisor did not answer within 60 s", ex);
		}
	}

	/** A refused operation, with the HTTP status that says why. */
	public static class InstanceException extends RuntimeException {

		private final int status;

		public InstanceException(int status, String message) {
			super(message);
			this.status = status;
		}

		public int status() {
			return this.status;
		}

	}

}
