package dev.hangar.runtime.instances;

import java.time.Clock;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.hangar.runtime.supervision.Lifecycle;
import dev.hangar.runtime.supervision.RestartPolicy;
import dev.hangar.runtime.supervision.Wanted;
import dev.hangar.service.web.RequestRefusedException;

import org.springframework.http.HttpStatus;

/**
 * Makes supervised instances of what is on disk: at the runtime's start, each as it was
 * left (its process adopted if it still runs, started if it is wanted up), and a broken
 * one read again once an operator fixed its file.
 */
final class InstanceRecovery {

	private static final Log logger = LogFactory.getLog(InstanceRecovery.class);

	private final InstanceStore store;

	private final RestartPolicy policy;

	private final Clock clock;

	private final ProcessLauncher launcher;

	InstanceRecovery(InstanceStore store, RestartPolicy policy, Clock clock, ProcessLauncher launcher) {
		this.store = store;
		this.policy = policy;
		this.clock = clock;
		this.launcher = launcher;
	}

	/**
	 * An instance of what its folder holds; FAILED, naming the file and the fix, when
	 * that cannot be read.
	 */
	SupervisedInstance of(StoredInstance stored) {
		InstanceRecord record = stored.record();
		if (record == null) {
			SupervisedInstance broken = SupervisedInstance.broken(stored,
					Lifecycle.restored(this.policy, this.clock, Wanted.DOWN, 0, null, true));
			logger.error("Instance " + broken.key() + " is FAILED: " + broken.problem);
			return broken;
		}
		return new SupervisedInstance(record.template(), stored.name(), record.port(), record.created(), Lifecycle
			.restored(this.policy, this.clock, record.wanted(), record.restarts(), record.lastExit(), record.failed()));
	}

	/**
	 * Brings an instance back as it was left: adopts its process if it still runs (the
	 * same pid and start time), starts it if it is wanted up.
	 */
	void bringBack(SupervisedInstance instance, InstanceRecord record, InstanceRunner runner) {
		Optional<RunningProcess> alive = (record.pid() != null && record.processStart() != null)
				? this.launcher.adopt(record.pid(), record.processStart()) : Optional.empty();
		if (alive.isPresent()) {
			runner.adopt(instance, alive.get());
			this.store.save(instance.record());
		}
		else if (record.wanted() == Wanted.UP && !record.failed()) {
			runner.apply(instance, instance.lifecycle.up());
		}
		else if (record.pid() != null) {
			this.store.save(instance.record());
		}
	}

	/**
	 * A broken instance read again for {@code action}: once the operator fixed its file
	 * it is an instance like any other; until then nothing can be done with it but
	 * delete.
	 * @throws RequestRefusedException (409) while the file is still broken
	 */
	SupervisedInstance reload(SupervisedInstance broken, String action) {
		StoredInstance stored = this.store.load(broken.template, broken.name);
		if (stored.record() == null) {
			broken.problem = SupervisedInstance.broken(stored, broken.lifecycle).problem;
			throw new RequestRefusedException(HttpStatus.CONFLICT,
					"Cannot " + action + " " + broken.key() + ": " + broken.problem);
		}
		logger.info("Instance " + broken.key() + " was read again from its fixed " + stored.file());
		return of(stored);
	}

}
