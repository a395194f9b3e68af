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

	SupervisedInstance(InstanceRecord record) {
		this.template = record.template();
		this.name = new InstanceName(record.name());
		this.record = record;
	}

	String key() {
		return this.template + "/" + this.name;
	}

	boolean isUp() {
		return this.process != null && this.process.isAlive();
	}

}
