package dev.hangar.runtime.instances;

import org.jspecify.annotations.Nullable;

/**
 * What {@code instance status} shows of one instance.
 *
 * @param template the template
 * @param name the instance's name
 * @param state {@code up}, {@code down} or {@code failed}
 * @param wanted {@code up}, {@code down} or {@code once}
 * @param ready whether it signalled readiness
 * @param pid its process, when up
 * @param port its port
 * @param uptimeSeconds how long its process has run
 * @param restarts how many times it was restarted
 * @param lastExit how its last process ended
 * @param adopted whether its process was started by an earlier runtime and adopted by
 * this one
 * @param fromStartupCache whether its process started from its service's startup cache;
 * null for a command template or when it is not running
 * @param problem why the instance cannot run as it is on disk (its {@code instance.json}
 * is empty or corrupt), naming the file and the fix; null when it can
 */
public record InstanceStatus(String template, String name, String state, String wanted, boolean ready,
		@Nullable Long pid, int port, @Nullable Long uptimeSeconds, int restarts, @Nullable String lastExit,
		boolean adopted, @Nullable Boolean fromStartupCache, @Nullable String problem) {
}
