package dev.hangar.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where a service listens: {@code http.host} and {@code http.port}, set for all services at once
 * with {@code HANGAR_HTTP_HOST} or for one with {@code THUMBNAILS_HTTP_PORT}.
 *
 * @param host the address to bind; {@code 0.0.0.0} for every interface
 * @param port the TCP port; 0 picks a free one
 */
@ConfigurationProperties("http")
@Validated
public record HttpProperties(@NotBlank String host, @Min(0) @Max(65535) int port) {
}
