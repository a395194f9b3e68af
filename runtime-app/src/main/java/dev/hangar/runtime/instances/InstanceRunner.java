package dev.hangar.runtime.instances;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.hangar.runtime.registry.RuntimeRegistry;
import dev.hangar.runtime.supervision.Action;
import dev.hangar.service.registry.ServiceEndpoint;
import dev.hangar.service.web.RequestRefusedException;

import org.springframework.http.HttpStatus;

/**
 * Does what instances' lifecycles ask: launches and adopts processes, signals them, sets
 * the timers for backoffs and stop timeouts, and feeds the lifecycle what the process
 * does (exits, readiness). Runs on the supervisor's thread; readiness is checked
 * elsewhere and reported back to it.
 */
final class InstanceRunner {

	private static final Log logger = LogFactory.getLog(InstanceRunner.class);

	private static final String LOOPBACK = "127.0.0.1";

	private final ScheduledExecutorService thread;

	private final Map<String, SupervisedInstance> instances;

	private final InstanceStore store;

	private final InstanceTemplates templates;

	private final ProcessLauncher launcher;

	private final ReadinessChecks readiness;

	private final InstanceLogs logs;

	private final InstanceStateChanges changes;

	private final String stopSignal;

	private final RuntimeRegistry registry;

	InstanceRunner(ScheduledExecutorService thread, Map<String, SupervisedInstance> instances, InstanceStore store,
			InstanceTemplates templates, ProcessLauncher launcher, ReadinessChecks readiness, InstanceLogs logs,
			InstanceStateChanges changes, String stopSignal, RuntimeRegistry registry) {
		this.thread = thread;
		this.instances = instances;
		this.store = store;
		this.templates = templates;
		this.launcher = launcher;
		this.readiness = readiness;
		this.logs = logs;
		this.changes = changes;
		this.stopSignal = stopSignal;
		this.registry = registry;
	}

	/**
	 * Runs the actions a lifecycle answered, then keeps the instance's record and wakes
	 * its waiters.
	 */
	void apply(SupervisedInstance instance, List<Action> actions) {
		for (Action action : actions) {
			if (action instanceof Action.CancelTimers) {
				cancelTimer(instance);
			}
			else if (action instanceof Action.Start) {
				launch(instance);
			}
			else if (action instanceof Action.Stop stop) {
				if (instance.process != null) {
					instance.process.signal(this.stopSignal);
				}
				instance.timer = this.thread.schedule(() -> apply(instance, instance.lifecycle.stopTimedOut()),
						stop.timeout().toMillis(), TimeUnit.MILLISECONDS);
			}
			else if (action instanceof Action.Kill && instance.process != null) {
				instance.process.signal("KILL");
			}
			else if (action instanceof Action.StartAfter startAfter) {
				instance.timer = this.thread.schedule(() -> {
					instance.timer = null;
					if (this.instances.get(instance.key()) == instance) {
						apply(instance, instance.lifecycle.backoffElapsed());
					}
				}, startAfter.delay().toMillis(), TimeUnit.MILLISECONDS);
			}
			else if (action instanceof Action.Failed failed) {
				logger.warn("Instance " + instance.key() + " FAILED after " + failed.quickFailures()
						+ " quick failures in a row; it stays down until 'instance control " + instance.template + " "
						+ instance.name + " up'.");
			}
		}
		this.store.save(instance.record());
		publish(instance);
		this.changes.signal();
	}

	/** Takes over a process an earlier runtime left running. */
	void adopt(SupervisedInstance instance, RunningProcess process) {
		instance.process = process;
		instance.lifecycle.adopted((process.startInstant() != null) ? process.startInstant() : Instant.now());
		Launch launch = this.templates.launch(instance.template, instance.name, instance.port, directory(instance));
		watch(instance, process, launch, 0);
		logger.info("Adopted instance " + instance.key() + " (pid " + process.pid() + ")");
	}

	/** Sends a signal by name to the instance's process. */
	void signal(SupervisedInstance instance, String name) {
		RunningProcess process = instance.process;
		if (process == null) {
			throw new RequestRefusedException(HttpStatus.CONFLICT, "Instance " + instance.key() + " is not running.");
		}
		process.signal(name);
	}

	void cancelTimer(SupervisedInstance instance) {
		if (instance.timer != null) {
			instance.timer.cancel(false);
			instance.timer = null;
		}
	}

	Path directory(SupervisedInstance instance) {
		return this.store.directory(instance.template, instance.name);
	}

	private void launch(SupervisedInstance instance) {
		Path directory = directory(instance);
		Launch launch = this.templates.launch(instance.template, instance.name, instance.port, directory);
		RunningProcess process;
		long offset;
		try {
			Path log = InstanceLogs.of(directory);
			offset = this.logs.prepare(log);
			process = this.launcher.start(launch, log);
		}
		catch (IOException ex) {
			apply(instance, instance.lifecycle.startFailed(String.valueOf(ex.getMessage())));
			return;
		}
		instance.process = process;
		instance.lifecycle.started();
		watch(instance, process, launch, offset);
	}

	private void watch(SupervisedInstance instance, RunningProcess process, Launch launch, long logOffset) {
		process.onExit().thenRunAsync(() -> exited(instance, process), this.thread);
		instance.readiness = this.readiness.watch(launch.readiness(), process, InstanceLogs.of(directory(instance)),
				logOffset, () -> this.thread.execute(() -> ready(instance, process)));
	}

	private void ready(SupervisedInstance instance, RunningProcess process) {
		if (instance.process == process) {
			instance.lifecycle.ready();
			this.templates.instanceReady(instance.template);
			publish(instance);
			this.changes.signal();
		}
	}

	/**
	 * The instance in the registry while it is ready, out of it otherwise. Instances
	 * listen on loopback, as the services of the runtime do by default.
	 */
	private void publish(SupervisedInstance instance) {
		if (instance.lifecycle.isReady()) {
			this.registry.put(new ServiceEndpoint(instance.template, instance.name.value(), LOOPBACK, instance.port,
					true, Instant.now()));
		}
		else {
			this.registry.remove(instance.template, instance.name.value());
		}
	}

	private void exited(SupervisedInstance instance, RunningProcess process) {
		if (instance.process != process || this.instances.get(instance.key()) != instance) {
			return;
		}
		if (instance.readiness != null) {
			instance.readiness.cancel();
			instance.readiness = null;
		}
		instance.process = null;
		apply(instance, instance.lifecycle.exited(process.describeExit()));
	}

}
