package dev.hangar.runtime.instances;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hangar.runtime.registry.RuntimeRegistry;
import dev.hangar.runtime.startup.ServiceLaunchOptions;
import dev.hangar.service.ServiceCatalog;
import dev.hangar.service.registry.ServiceEndpoint;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The supervisor over a launcher whose processes the test makes crash, ignore signals or
 * exit: what it starts, when it starts it again, and what it sends, in milliseconds and
 * with no process.
 */
class InstanceSupervisorTest {

	@TempDir
	Path home;

	private final FakeLauncher launcher = new FakeLauncher();

	private final RuntimeRegistry registry = new RuntimeRegistry();

	private InstanceSupervisor supervisor;

	@BeforeEach
	void start() {
		InstanceProperties properties = new InstanceProperties(21000, 21999, Duration.ofSeconds(30),
				Duration.ofMillis(20), Duration.ofMillis(80), 4, "TERM", Duration.ofMillis(100), Duration.ofSeconds(5),
				DataSize.ofMegabytes(1),
				Map.of("worker", new InstanceProperties.CommandTemplate(List.of("worker", "{name}"), Map.of(), null,
						null, null)),
				new InstanceProperties.StartupCache(false, Duration.ofSeconds(1)));
		InstanceTemplates templates = new InstanceTemplates(new ServiceCatalog(List.of()), properties, Path.of("java"),
				ServiceLaunchOptions.withoutCaches(Path.of("runtime.jar")), this.home.resolve("config"));
		this.supervisor = new InstanceSupervisor(new InstanceStore(this.home.resolve("instances")), templates,
				properties, this.launcher, Clock.systemUTC(), this.registry);
		this.supervisor.start();
	}

	@AfterEach
	void stop() {
		this.launcher.processes.forEach((process) -> process.exit(0));
		this.supervisor.stop();
	}

	@Test
	void anInstanceThatCrashesSoonIsStartedAgainAfterWaitsThatDoubleUpToTheCapThenIsFailed() {
		this.supervisor.create("worker", new InstanceName("w1"), false);

		for (int crash = 1; crash <= 4; crash++) {
			int started = crash;
			await().atMost(Duration.ofSeconds(5)).until(() -> this.launcher.processes.size() == started);
			this.launcher.last().exit(3);
		}

		await().atMost(Duration.ofSeconds(5)).until(() -> status().state().equals("failed"));
		assertThat(this.launcher.processes).hasSize(4);
		List<Duration> waits = this.launcher.gapsBetweenStarts();
		assertThat(waits.get(0)).isGreaterThanOrEqualTo(Duration.ofMillis(20));
		assertThat(waits.get(1)).isGreaterThanOrEqualTo(Duration.ofMillis(40));
		assertThat(waits.get(2)).isGreaterThanOrEqualTo(Duration.ofMillis(80));
		assertThat(status().lastExit()).isEqualTo("exit 3");
		assertThat(status().restarts()).isEqualTo(3);
	}

	@Test
	void theOperatorsUpStartsAFailedInstanceAgainWithAFreshCount() {
		this.supervisor.create("worker", new InstanceName("w2"), false);
		for (int crash = 1; crash <= 4; crash++) {
			int started = crash;
			await().atMost(Duration.ofSeconds(5)).until(() -> this.launcher.processes.size() == started);
			this.launcher.last().exit(3);
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> status("w2").state().equals("failed"));

		this.supervisor.control("worker", new InstanceName("w2"), "up");

		await().atMost(Duration.ofSeconds(5)).until(() -> this.launcher.processes.size() == 5);
		assertThat(status("w2").state()).isEqualTo("up");
	}

	@Test
	void anInstanceIsInTheRegistryExactlyWhileItIsReady() {
		this.supervisor.create("worker", new InstanceName("w1"), false);
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.registry.readyEndpoints("worker").isEmpty());
		ServiceEndpoint endpoint = this.registry.readyEndpoints("worker").get(0);
		assertThat(endpoint.id()).isEqualTo("w1");
		assertThat(endpoint.host()).isEqualTo("127.0.0.1");
		assertThat(endpoint.port()).isEqualTo(status().port());

		this.supervisor.control("worker", new InstanceName("w1"), "down");
		assertThat(this.registry.endpoints()).isEmpty();
		this.supervisor.control("worker", new InstanceName("w1"), "up");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.registry.readyEndpoints("worker").size() == 1);
		this.supervisor.delete("worker", new InstanceName("w1"));

		assertThat(this.registry.endpoints()).isEmpty();
	}

	@Test
	void anInstanceThatIgnoresTheStopSignalIsKilledAfterTheStopTimeout() {
		this.supervisor.create("worker", new InstanceName("w1"), false);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.launcher.processes.size() == 1);
		FakeProcess stubborn = this.launcher.last();
		stubborn.ignore("TERM");

		this.supervisor.control("worker", new InstanceName("w1"), "down");

		await().atMost(Duration.ofSeconds(5)).until(() -> !stubborn.isAlive());
		assertThat(stubborn.signals).containsExactly("TERM", "KILL");
		assertThat(status().state()).isEqualTo("down");
		assertThat(this.launcher.processes).hasSize(1);
	}

	@Test
	void aRestartStopsTheProcessThenStartsANewOne() {
		this.supervisor.create("worker", new InstanceName("w1"), false);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.launcher.processes.size() == 1);

		this.supervisor.control("worker", new InstanceName("w1"), "restart");

		await().atMost(Duration.ofSeconds(5)).until(() -> this.launcher.processes.size() == 2);
		assertThat(this.launcher.processes.get(0).signals).containsExactly("TERM");
		assertThat(status().pid()).isEqualTo(this.launcher.last().pid());
	}

	private InstanceStatus status() {
		return status("w1");
	}

	private InstanceStatus status(String name) {
		return this.supervisor.status("worker", new InstanceName(name));
	}

	/** Starts processes that exist only in the test. */
	private static final class FakeLauncher implements ProcessLauncher {

		private final List<FakeProcess> processes = new CopyOnWriteArrayList<>();

		private final AtomicLong pids = new AtomicLong(1000);

		@Override
		public RunningProcess start(Launch launch, Path log) {
			FakeProcess process = new FakeProcess(this.pids.incrementAndGet());
			this.processes.add(process);
			return process;
		}

		@Override
		public Optional<RunningProcess> adopt(long pid, Instant started) {
			return Optional.empty();
		}

		FakeProcess last() {
			return this.processes.get(this.processes.size() - 1);
		}

		List<Duration> gapsBetweenStarts() {
			return java.util.stream.IntStream.range(1, this.processes.size())
				.mapToObj((i) -> Duration.between(this.processes.get(i - 1).exitedAt, this.processes.get(i).startedAt))
				.toList();
		}

	}

	/** A process that exits when the test says so, or on a signal it does not ignore. */
	private static final class FakeProcess implements RunningProcess {

		private final long pid;

		private final Instant startedAt = Instant.now();

		private volatile Instant exitedAt;

		private final CompletableFuture<Void> exit = new CompletableFuture<>();

		private final List<String> signals = new CopyOnWriteArrayList<>();

		private final List<String> ignored = new CopyOnWriteArrayList<>();

		private volatile int code;

		FakeProcess(long pid) {
			this.pid = pid;
		}

		void ignore(String signal) {
			this.ignored.add(signal);
		}

		void exit(int code) {
			if (!this.exit.isDone()) {
				this.code = code;
				this.exitedAt = Instant.now();
				this.exit.complete(null);
			}
		}

		@Override
		public long pid() {
			return this.pid;
		}

		@Override
		public Instant startInstant() {
			return this.startedAt;
		}

		@Override
		public boolean isAlive() {
			return !this.exit.isDone();
		}

		@Override
		public CompletableFuture<Void> onExit() {
			return this.exit;
		}

		@Override
		public void signal(String name) {
			this.signals.add(name);
			if (!this.ignored.contains(name)) {
				exit(128 + (name.equals("KILL") ? 9 : 15));
			}
		}

		@Override
		public String describeExit() {
			return (this.code > 128) ? "signal " + (this.code - 128) : "exit " + this.code;
		}

		@Override
		public boolean isAdopted() {
			return false;
		}

		@Override
		public Optional<String[]> arguments() {
			return Optional.empty();
		}

	}

}
