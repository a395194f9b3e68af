package dev.hangar.runtime.instances;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** Starts instances' processes, and finds one an earlier runtime left running. */
interface ProcessLauncher {

	/**
	 * Starts {@code launch}, its output appended to {@code log}: the process writes there
	 * itself, not through the runtime, so it outlives a runtime that dies.
	 */
	RunningProcess start(Launch launch, Path log) throws IOException;

	/**
	 * The process {@code pid} if it still runs and started at {@code started}: the pid
	 * alone could be another process's by now.
	 */
	Optional<RunningProcess> adopt(long pid, Instant started);

}
