package dev.hangar.runtime.cli;

import java.time.Duration;

import picocli.CommandLine;

import org.springframework.boot.convert.DurationStyle;

/**
 * Durations as the configuration writes them: {@code 30s}, {@code 2m}, {@code 500ms}, or
 * ISO-8601.
 */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

	@Override
	public Duration convert(String value) {
		return DurationStyle.detectAndParse(value);
	}

}
