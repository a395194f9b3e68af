package dev.hangar.runtime.instances;

import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

import org.jspecify.annotations.Nullable;

import dev.hangar.runtime.supervision.Lifecycle;
import dev.hangar.runtime.supervision.Wanted;

/**
 * One instance as its supervisor sees it: what it is (template, name, port), where it is
 * in its life ({@link Lifecycle}), and its process. Confined to the supervisor's single
 * thread: no field is touched from anywhere else.
 */
final class SupervisedInstance {

	final String template;

	final InstanceName name;

	final int port;

	final Instant created;

	final Lifecycle lifecycle;

	@Nullable RunningProcess process;

	/**
	 * A start after a backoff, or a kill after the stop timeout, set for an action of the
	 * lifecycle.
	 */
	@Nullable ScheduledFuture<?> timer;

	ReadinessChecks.@Nullable Check readiness;

	/**
	 * Why its {@code instance.json} cannot be used, naming the file and the fix; null
	 * when it can.
	 */
	@Nullable String problem;

	SupervisedInstance(String template, InstanceName name, int port, Instant created, Lifecycle lifecycle) {
		this.template = template;
		this.name = name;
		this.port = port;
		this.created = created;
		this.lifecycle = lifecycle;
	}

	String key() {
		return this.template + "/" + this.name;
	}

	/**
	 * What is kept on disk of it: what is wanted, its port, its process, and how it has
	 * fared.
	 */
	InstanceRecord record() {
		RunningProcess running = this.process;
		return new InstanceRecord(this.template, this.name.value(), this.lifecycle.wanted(), this.port,
				(running != null) ? running.pid() : null, (running != null) ? running.startInstant() : null,
				this.lifecycle.restarts(), this.lifecycle.lastExit(), this.lifecycle.isFailed(), this.created);
	}

	/** {@code up} (its process runs, ready or not), {@code failed} or {@code down}. */
	String state() {
		if (this.process != null && this.lifecycle.isRunning()) {
			return "up";
		}
		return this.lifecycle.isFailed() || this.problem != null ? "failed" : "down";
	}

	/**
	 * An instance whose file cannot be read: FAILED, and never started, until the file is
	 * fixed.
	 */
	static SupervisedInstance broken(StoredInstance stored, Lifecycle failed) {
		SupervisedInstance instance = new SupervisedInstance(stored.template(), stored.name(), 0, Instant.EPOCH,
				failed);
		instance.problem = stored.file() + " cannot be used: " + stored.problem()
				+ ". Fix the file, then 'instance control " + stored.template() + " " + stored.name()
				+ " up'; or 'instance delete " + stored.template() + " " + stored.name() + "'.";
		return instance;
	}

	boolean wantedUp() {
		return this.lifecycle.wanted() == Wanted.UP;
	}

}
