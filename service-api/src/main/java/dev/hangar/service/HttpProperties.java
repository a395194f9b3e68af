package dev.hangar.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where a service listens and how long it waits for its clients: {@code http.host} and
 * {@code http.port}, set for all services at once with {@code HANGAR_HTTP_HOST} or for
 * one with {@code THUMBNAILS_HTTP_PORT}.
 *
 * @param host the address to bind; {@code 0.0.0.0} for every interface
 * @param port the TCP port; 0 picks a free one
 * @param connectionTimeout how long a connection may stay silent: before its request
 * line, or between two reads of its request
 * @param keepAliveTimeout how long an idle connection is kept open for the client's next
 * request
 * @param bodyTimeout how long a request body may take to arrive, before
 * {@code body-min-rate} extends it; a slower body gets 408
 * @param bodyMinRate the slowest a body may arrive once {@code body-timeout} has passed,
 * in bytes a second
 * @param bodyMemory the most memory the request bodies a service receives into memory may
 * hold together; past it a body gets 503; unset, an eighth of the JVM's maximum heap
 */
@ConfigurationProperties("http")
@Validated
public record HttpProperties(@NotBlank String host, @Min(0) @Max(65535) int port, @NotNull Duration connectionTimeout,
		@NotNull Duration keepAliveTimeout, @NotNull Duration bodyTimeout, @NotNull DataSize bodyMinRate,
		@Nullable DataSize bodyMemory) {

	/** {@code body-memory}, else an eighth of the JVM's maximum heap. */
	public DataSize bodyMemoryBudget() {
		return (this.bodyMemory != null) ? this.bodyMemory : DataSize.ofBytes(Runtime.getRuntime().maxMemory() / 8);
	}

}
