package dev.hangar.config;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A variable that a plain Spring Boot application reads, and Hangar does not, is named
 * with the Hangar variable that does its job.
 */
class PlainBootVariablesTest {

	private final ConfigScope thumbnails = new ConfigScope("thumbnails", ScopeDefaults.none());

	private final ConfigScope runtime = new ConfigScope(ConfigScope.RUNTIME, ScopeDefaults.none());

	@Test
	void serverPortPointsToTheHttpPortOfEveryServiceOrOne() {
		assertThat(PlainBootVariables.warnings(Map.of("SERVER_PORT", "1234"), this.thumbnails)).containsExactly(
				"Environment variable SERVER_PORT is a plain Spring Boot setting, which Hangar does not read: "
						+ "set HANGAR_HTTP_PORT (every service) or THUMBNAILS_HTTP_PORT (thumbnails alone) instead.");
	}

	@Test
	void inTheRuntimeOnlyTheGlobalVariableIsSuggested() {
		assertThat(PlainBootVariables.warnings(Map.of("SPRING_PROFILES_ACTIVE", "prod"), this.runtime))
			.containsExactly("Environment variable SPRING_PROFILES_ACTIVE is a plain Spring Boot setting, which Hangar "
					+ "does not read: set HANGAR_SPRING_PROFILES_ACTIVE (for the runtime and every service) instead.");
	}

	@Test
	void everyPlainPrefixIsFoundInOrderAndOthersAreLeftAlone() {
		Map<String, String> environment = Map.of("SERVER_ADDRESS", "0.0.0.0", "MANAGEMENT_SERVER_PORT", "1",
				"LOGGING_LEVEL_ROOT", "debug", "HANGAR_HTTP_PORT", "1", "THUMBNAILS_MAX_WIDTH", "5", "PATH", "/bin",
				"SPRINGFIELD", "x");

		assertThat(PlainBootVariables.warnings(environment, this.thumbnails)).satisfiesExactly(
				(first) -> assertThat(first).startsWith("Environment variable LOGGING_LEVEL_ROOT ")
					.contains("HANGAR_LOGGING_LEVEL_ROOT", "THUMBNAILS_LOGGING_LEVEL_ROOT"),
				(second) -> assertThat(second).startsWith("Environment variable MANAGEMENT_SERVER_PORT "),
				(third) -> assertThat(third).startsWith("Environment variable SERVER_ADDRESS ")
					.contains("HANGAR_HTTP_HOST", "THUMBNAILS_HTTP_HOST"));
	}

}
