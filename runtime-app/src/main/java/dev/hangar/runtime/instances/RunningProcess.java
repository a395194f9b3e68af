package dev.hangar.runtime.instances;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * An instance's process as its supervisor drives it: started by this runtime or adopted.
 */
interface RunningProcess {

	long pid();

	/** When the process started, as the system reports it, if it does. */
	@Nullable Instant startInstant();

	boolean isAlive();

	/** Completes when the process has exited. */
	CompletableFuture<Void> onExit();

	/**
	 * Sends a signal by name ({@code TERM}, {@code KILL}, {@code HUP}, ...) without
	 * waiting for anything.
	 */
	void signal(String name);

	/**
	 * How it ended: {@code exit 3}, {@code signal 9 (SIGKILL)}, or unknown for an adopted
	 * one.
	 */
	String describeExit();

	/** Whether an earlier runtime started it and this one took it over. */
	boolean isAdopted();

	/** Its command line, if the system tells it. */
	Optional<String[]> arguments();

}
