package dev.hangar.runtime.instances;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.hangar.runtime.supervision.Wanted;

/**
 * What the runtime keeps on disk about an instance, in
 * {@code <data dir>/instances/<template>/<name>/instance.json}.
 *
 * @param template the service or command template
 * @param name the instance's name
 * @param wanted what the operator wants
 * @param port the port it was given, recorded so that no other live instance gets it
 * @param pid the process running it, if any
 * @param processStart when that process started: with the pid, it tells the process from
 * another that reuses its pid
 * @param restarts how many times it was restarted
 * @param lastExit how its last process ended
 * @param failed whether it was marked FAILED after repeated quick failures
 * @param created when it was created
 */
public record InstanceRecord(String template, String name, Wanted wanted, int port, @Nullable Long pid,
		@Nullable Instant processStart, int restarts, @Nullable String lastExit, boolean failed, Instant created) {

	InstanceRecord named(String template, String name) {
		return new InstanceRecord(template, name, this.wanted, this.port, this.pid, this.processStart, this.restarts,
				this.lastExit, this.failed, this.created);
	}

}
