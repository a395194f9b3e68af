package dev.hangar.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds environment variables that a plain Spring Boot application would read
 * ({@code SERVER_PORT}, {@code SPRING_PROFILES_ACTIVE}, ...) and Hangar does not: its
 * layers read {@code HANGAR_*} and {@code <SERVICE>_*} only, so that one variable never
 * reaches every service of a runtime by accident. Each one found is named in a warning
 * with the variable that does the job. Warned about rather than refused: the environment
 * may be shared with programs that do read them.
 */
public final class PlainBootVariables {

	private static final List<String> PREFIXES = List.of("SERVER_", "SPRING_", "MANAGEMENT_", "LOGGING_");

	/** Variables whose Hangar counterpart is not the same name under a prefix. */
	private static final Map<String, String> RENAMED = Map.of("SERVER_PORT", "HTTP_PORT", "SERVER_ADDRESS",
			"HTTP_HOST");

	private PlainBootVariables() {
	}

	/**
	 * A warning for each plain Spring Boot variable in {@code environment}.
	 * @param environment the environment variables
	 * @param scope the scope that starts: a service's own prefix is suggested next to
	 * {@code HANGAR_}; for the runtime, {@code HANGAR_} alone
	 */
	public static List<String> warnings(Map<String, String> environment, ConfigScope scope) {
		Set<String> found = new TreeSet<>();
		for (String name : environment.keySet()) {
			if (PREFIXES.stream().anyMatch(name::startsWith)) {
				found.add(name);
			}
		}
		List<String> warnings = new ArrayList<>();
		for (String name : found) {
			String hangarName = RENAMED.getOrDefault(name, name);
			String instead = "HANGAR_" + hangarName
					+ (scope.isRuntime() ? " (for the runtime and every service)" : " (every service) or "
							+ scope.environmentPrefix() + "_" + hangarName + " (" + scope.name() + " alone)");
			warnings.add("Environment variable " + name
					+ " is a plain Spring Boot setting, which Hangar does not read: " + "set " + instead + " instead.");
		}
		return warnings;
	}

}
