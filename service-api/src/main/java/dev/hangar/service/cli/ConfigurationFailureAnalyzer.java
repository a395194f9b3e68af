package dev.hangar.service.cli;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Reports configuration that a service refused in Hangar's terms: the service, the key as
 * written in its files or variables, the value, its origin and what is allowed. Runs
 * before Spring Boot's own analyzers, which name keys of root-level properties as
 * {@code .maxWidth}.
 */
class ConfigurationFailureAnalyzer implements FailureAnalyzer, Ordered {

	private final Environment environment;

	ConfigurationFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		String service = this.environment.getProperty("spring.application.name", "the service");
		return ConfigurationFailures.describe(failure)
			.map((description) -> new FailureAnalysis(service + ": " + description,
					"Correct the value where it is set. 'runtime.jar config " + service + "' lists every key of "
							+ service + " with its value and origin.",
					failure))
			.orElse(null);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

}
