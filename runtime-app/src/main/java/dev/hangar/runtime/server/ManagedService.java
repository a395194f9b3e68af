package dev.hangar.runtime.server;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.hangar.service.RunningService;
import dev.hangar.service.ServiceDefinition;

/**
 * One service of the runtime: its definition, its state, and its context once it runs.
 */
public final class ManagedService {

	private final ServiceDefinition definition;

	private volatile ServiceState state = ServiceState.STOPPED;

	private volatile Instant since = Instant.now();

	private volatile @Nullable RunningService running;

	private volatile @Nullable String failure;

	ManagedService(ServiceDefinition definition) {
		this.definition = definition;
	}

	public ServiceDefinition definition() {
		return this.definition;
	}

	public String name() {
		return this.definition.name();
	}

	public ServiceState state() {
		return this.state;
	}

	/** When the service entered its current state. */
	public Instant since() {
		return this.since;
	}

	public @Nullable RunningService running() {
		return this.running;
	}

	public @Nullable String failure() {
		return this.failure;
	}

	void starting() {
		transition(ServiceState.STARTING);
	}

	void running(RunningService running) {
		this.running = running;
		this.failure = null;
		transition(ServiceState.RUNNING);
	}

	void failed(String failure) {
		this.failure = failure;
		this.running = null;
		transition(ServiceState.FAILED);
	}

	void stopping() {
		transition(ServiceState.STOPPING);
	}

	void stopped() {
		this.running = null;
		transition(ServiceState.STOPPED);
	}

	private void transition(ServiceState next) {
		this.state = next;
		this.since = Instant.now();
	}

}
