package dev.hangar.runtime.instances;

import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

import org.jspecify.annotations.Nullable;

/**
 * One instance as its supervisor sees it. Confined to the supervisor's single thread: no field is
 * touched from anywhere else.
 */
final class SupervisedInstance {

	final String template;

	final InstanceName name;

	InstanceRecord record;

	@Nullable ProcessHandle process;

	/** The child process when this runtime started it; null for an adopted one. */
	@Nullable Process child;

	@Nullable Instant upSince;

	boolean ready;

	/** Set while this runtime stops the process on purpose: its exit is no failure. */
	boolean stopping;

	/** Set by {@code restart}: start again as soon as the process has exited. */
	boolean restartAfterExit;

	int quickFailures;

	@Nullable ScheduledFuture<?> pendingStart;

	@Nullable ScheduledFuture<?> readinessCheck;

	long logOffset;

	/** Why its {@code instance.json} cannot be used, naming the file; null when it can. */
	@Nullable String problem;

	SupervisedInstance(InstanceRecord record) {
		this.template = record.template();
		this.name = new InstanceName(record.name());
		this.record = record;
	}

	/** An instance whose file cannot be read: FAILED, and never started, until the file is fixed. */
	static SupervisedInstance broken(StoredInstance stored) {
		SupervisedInstance instance = new SupervisedInstance(new InstanceRecord(stored.template(), stored.name().value(),
				Wanted.DOWN, 0, null, null, 0, null, true, Instant.EPOCH));
		instance.problem = stored.file() + " cannot be used: " + stored.problem() + ". Fix the file, then 'instance control "
				+ stored.template() + " " + stored.name() + " up'; or 'instance delete " + stored.template() + " "
				+ stored.name() + "'.";
		return instance;
	}

	String key() {
		return this.template + "/" + this.name;
	}

	boolean isUp() {
		return this.process != null && this.process.isAlive();
	}

}
