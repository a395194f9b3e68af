package dev.hangar.service;

import java.time.Duration;
import java.time.Instant;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * A service whose Spring application has started.
 *
 * @param definition the service
 * @param context its application context
 * @param port the port its web server listens on
 * @param startedAt when it became ready
 * @param startupTime how long its start took
 */
public record RunningService(ServiceDefinition definition, ConfigurableApplicationContext context, int port,
		Instant startedAt, Duration startupTime) {

	public String name() {
		return this.definition.name();
	}

}
