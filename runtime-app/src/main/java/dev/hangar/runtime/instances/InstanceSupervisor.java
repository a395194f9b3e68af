package dev.hangar.runtime.instances;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import dev.hangar.runtime.registry.RuntimeRegistry;
import dev.hangar.runtime.supervision.Lifecycle;
import dev.hangar.runtime.supervision.RestartPolicy;

import dev.hangar.service.web.RequestRefusedException;

import org.springframework.http.HttpStatus;
import org.springframework.boot.convert.DurationStyle;

/**
 * Supervises every instance: the operations an operator asks for, and bringing instances
 * back when the runtime starts. Every change of state runs on one thread, so an exit, a
 * timer and an operator's command never race; callers wait for the result. What each
 * instance's life does next is its {@link Lifecycle}'s to decide (the restart policy is
 * there), and the {@link InstanceRunner}'s to carry out. Each instance's output goes
 * straight to its log file, not through the runtime, so an instance outlives a runtime
 * that dies and a new runtime adopts it.
 */
public final class InstanceSupervisor {

	private final InstanceStore store;

	private final InstanceTemplates templates;

	private final ProcessLauncher launcher;

	private final RestartPolicy policy;

	private final Clock clock;

	private final PortAllocator ports;

	private final ReadinessChecks readiness;

	private final InstanceLogs logs;

	private final SupervisorThread thread = new SupervisorThread();

	private final Map<String, SupervisedInstance> instances = new LinkedHashMap<>();

	private final InstanceStateChanges changes = new InstanceStateChanges();

	private final InstanceRunner runner;

	private final InstanceRecovery recovery;

	InstanceSupervisor(InstanceStore store, InstanceTemplates templates, InstanceProperties properties,
			ProcessLauncher launcher, Clock clock, RuntimeRegistry registry) {
		this.store = store;
		this.templates = templates;
		this.launcher = launcher;
		this.clock = clock;
		this.policy = new RestartPolicy(properties.minUptime(), properties.backoffInitial(), properties.backoffMax(),
				properties.maxQuickFailures(), properties.stopTimeout());
		this.ports = new PortAllocator(properties.portRangeStart(), properties.portRangeEnd());
		this.logs = new InstanceLogs(store.root(), properties.logMaxSize().toBytes());
		this.readiness = new ReadinessChecks(this.logs);
		this.runner = new InstanceRunner(this.thread.executor(), this.instances, store, templates, launcher,
				this.readiness, this.logs, this.changes, properties.stopSignal(), registry);
		this.recovery = new InstanceRecovery(store, this.policy, clock, launcher);
	}

	// ---------------------------------------------------------------- life of the
	// runtime

	/**
	 * Brings back every instance in its wanted state: adopts a process an earlier runtime
	 * left running if it is still the same process (pid and start time), starts the
	 * others wanted up.
	 */
	public void start() {
		this.logs.start();
		this.thread.call(() -> {
			for (StoredInstance stored : this.store.loadAll()) {
				SupervisedInstance instance = this.recovery.of(stored);
				this.instances.put(instance.key(), instance);
				if (stored.record() != null) {
					this.recovery.bringBack(instance, stored.record(), this.runner);
				}
			}
			return null;
		});
	}

	/**
	 * Stops every instance, keeping its wanted state, so that the next runtime brings it
	 * back.
	 */
	public void stop() {
		List<CompletableFuture<Void>> exits = this.thread.call(() -> {
			List<CompletableFuture<Void>> pending = new ArrayList<>();
			for (SupervisedInstance instance : this.instances.values()) {
				RunningProcess process = instance.process;
				this.runner.apply(instance, instance.lifecycle.halt());
				if (process != null) {
					pending.add(process.onExit());
				}
			}
			return pending;
		});
		exits.forEach(CompletableFuture::join);
		this.thread.shutdown();
		this.readiness.close();
		this.logs.close();
	}

	// ---------------------------------------------------------------- operations

	public InstanceStatus create(String template, InstanceName name, boolean down) {
		this.templates.check(template);
		return this.thread.call(() -> {
			String key = template + "/" + name;
			if (this.instances.containsKey(key)) {
				throw new RequestRefusedException(HttpStatus.CONFLICT, "Instance " + key + " exists already.");
			}
			Set<Integer> taken = new HashSet<>();
			this.instances.values().forEach((other) -> taken.add(other.port));
			int port = this.templates.layerPort(template, name).orElseGet(() -> this.ports.allocate(taken));
			for (SupervisedInstance other : this.instances.values()) {
				if (other.port == port) {
					throw new RequestRefusedException(HttpStatus.CONFLICT, "Port " + port + " (from " + template + "@"
							+ name + ".yaml) is held by instance " + other.key() + ". Name another port.");
				}
			}
			SupervisedInstance instance = new SupervisedInstance(template, name, port, this.clock.instant(),
					Lifecycle.created(this.policy, this.clock));
			this.store.save(instance.record());
			this.instances.put(key, instance);
			this.runner.apply(instance, down ? List.of() : instance.lifecycle.up());
			return status(instance);
		});
	}

	public void delete(String template, InstanceName name) {
		CompletableFuture<Void> exit = this.thread.call(() -> {
			SupervisedInstance instance = require(template, name);
			RunningProcess process = instance.process;
			this.runner.apply(instance, instance.lifecycle.down());
			return (process != null) ? process.onExit() : CompletableFuture.<Void>completedFuture(null);
		});
		exit.join();
		this.thread.call(() -> {
			SupervisedInstance instance = this.instances.remove(template + "/" + name);
			if (instance != null) {
				this.runner.cancelTimer(instance);
			}
			this.store.delete(template, name);
			this.changes.signal();
			return null;
		});
	}

	public InstanceStatus control(String template, InstanceName name, String action) {
		return this.thread.call(() -> {
			SupervisedInstance instance = require(template, name);
			if (instance.problem != null) {
				instance = this.recovery.reload(instance, action);
				this.instances.put(instance.key(), instance);
			}
			Lifecycle lifecycle = instance.lifecycle;
			switch (action) {
				case "up" -> this.runner.apply(instance, lifecycle.up());
				case "once" -> this.runner.apply(instance, lifecycle.once());
				case "down" -> this.runner.apply(instance, lifecycle.down());
				case "restart" -> this.runner.apply(instance, lifecycle.restart());
				case "term" -> this.runner.signal(instance, "TERM");
				case "kill" -> this.runner.signal(instance, "KILL");
				case "hup" -> this.runner.signal(instance, "HUP");
				default -> throw new RequestRefusedException(HttpStatus.BAD_REQUEST,
						"Unknown action '" + action + "': use up, down, once, restart, term, kill or hup.");
			}
			return status(instance);
		});
	}

	public InstanceStatus status(String template, InstanceName name) {
		return this.thread.call(() -> status(require(template, name)));
	}

	public List<InstanceStatus> list(@Nullable String template) {
		return this.thread.call(() -> this.instances.values()
			.stream()
			.filter((instance) -> template == null || instance.template.equals(template))
			.sorted(Comparator.comparing(SupervisedInstance::key))
			.map(this::status)
			.toList());
	}

	/**
	 * Waits until the instance is ready; 503 as soon as it is FAILED, 504 at the timeout.
	 */
	public InstanceStatus awaitReady(String template, InstanceName name, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			long seen = this.changes.version();
			InstanceStatus status = status(template, name);
			if (status.ready()) {
				return status;
			}
			if ("failed".equals(status.state())) {
				throw new RequestRefusedException(HttpStatus.SERVICE_UNAVAILABLE,
						"Instance " + template + "/" + name + " FAILED before it was ready; last exit: "
								+ status.lastExit() + ". See 'instance logs " + template + " " + name + "'.");
			}
			if (System.nanoTime() - deadline >= 0) {
				String within = DurationStyle.SIMPLE.print(timeout,
						(timeout.toMillis() % 1000 == 0) ? ChronoUnit.SECONDS : ChronoUnit.MILLIS);
				throw new RequestRefusedException(HttpStatus.GATEWAY_TIMEOUT,
						"Instance " + template + "/" + name + " was not ready within " + within + " (state "
								+ status.state() + "). See 'instance logs " + template + " " + name + "'.");
			}
			try {
				this.changes.awaitAfter(seen, deadline);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new RequestRefusedException(HttpStatus.SERVICE_UNAVAILABLE,
						"Interrupted while waiting for " + template + "/" + name);
			}
		}
	}

	/** The log of an instance, read off the supervisor's thread. */
	InstanceLog log(String template, InstanceName name) {
		Path file = this.thread.call(() -> InstanceLogs.of(this.runner.directory(require(template, name))));
		return new InstanceLog(this.logs, file);
	}

	// ---------------------------------------------------------------- on the
	// supervisor's thread

	private InstanceStatus status(SupervisedInstance instance) {
		RunningProcess up = "up".equals(instance.state()) ? instance.process : null;
		Instant since = instance.lifecycle.startedAt();
		Long uptime = (up != null && since != null) ? Duration.between(since, this.clock.instant()).toSeconds() : null;
		return new InstanceStatus(instance.template, instance.name.value(), instance.state(),
				instance.lifecycle.wanted().name().toLowerCase(), up != null && instance.lifecycle.isReady(),
				(up != null) ? up.pid() : null, instance.port, uptime, instance.lifecycle.restarts(),
				instance.lifecycle.lastExit(), up != null && up.isAdopted(),
				(up != null) ? this.templates.fromStartupCache(instance.template, up) : null, instance.problem);
	}

	private SupervisedInstance require(String template, InstanceName name) {
		SupervisedInstance instance = this.instances.get(template + "/" + name);
		if (instance == null) {
			throw new RequestRefusedException(HttpStatus.NOT_FOUND,
					"No instance " + template + "/" + name + ". 'instance list' shows them.");
		}
		return instance;
	}

}
