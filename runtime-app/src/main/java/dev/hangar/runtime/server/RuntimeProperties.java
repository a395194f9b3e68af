package dev.hangar.runtime.server;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the runtime's management HTTP listens ({@code HANGAR_RUNTIME_HOST},
 * {@code HANGAR_RUNTIME_PORT}); {@code list} and {@code health} look there too.
 *
 * @param host the address to bind; loopback by default, since the API can change state
 * @param port the TCP port
 * @param secret the credential every state-changing call must present
 * ({@code Authorization: Bearer <secret>}); {@code runtime.jar init} generates one.
 * Without it, every state-changing call is refused
 */
@ConfigurationProperties("runtime")
@Validated
public record RuntimeProperties(@DefaultValue("127.0.0.1") @NotBlank String host,
		@DefaultValue("9250") @Min(0) @Max(65535) int port, @Nullable String secret) {
}
