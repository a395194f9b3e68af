package dev.hangar.config;

/**
 * One key of a scope's effective configuration.
 *
 * @param key the key, e.g. {@code http.port}
 * @param value its value as text, masked if it is a secret
 * @param origin where the value came from: file and line, variable name, argument or
 * default
 */
public record ConfigEntry(String key, String value, String origin) {
}
