package dev.hangar.runtime.instances;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import dev.hangar.runtime.startup.StartupCaches;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the runtime supervises instances ({@code instances.*} in {@code hangar.yaml}).
 *
 * @param portRangeStart the first port given to an instance whose layer names none
 * @param portRangeEnd the last such port
 * @param minUptime an instance that ran at least this long before it exited is restarted
 * at once; one that exited sooner counts as a quick failure
 * @param backoffInitial the wait before restarting after the first quick failure, doubled
 * at each further one
 * @param backoffMax the longest such wait
 * @param maxQuickFailures after this many quick failures in a row an instance is FAILED
 * and stays down until an operator acts
 * @param stopSignal the signal that asks an instance to stop: TERM, INT, QUIT, HUP, USR1
 * or USR2
 * @param stopTimeout how long a stopping instance has after the stop signal before
 * SIGKILL
 * @param readyTimeout how long {@code --wait-ready} waits by default
 * @param logMaxSize the most bytes an instance's log and its older part hold: past half
 * of it the older part moves to {@code output.log.1}
 * @param templates command templates, by name: any program run with the instance name, as
 * an s6 run script is
 * @param startupCache whether and how instances of services start from a startup cache
 */
@ConfigurationProperties("instances")
@Validated
public record InstanceProperties(@DefaultValue("20000") @Min(1024) @Max(65535) int portRangeStart,
		@DefaultValue("20999") @Min(1024) @Max(65535) int portRangeEnd, @DefaultValue("5s") @NotNull Duration minUptime,
		@DefaultValue("250ms") @NotNull Duration backoffInitial, @DefaultValue("30s") @NotNull Duration backoffMax,
		@DefaultValue("5") @Min(1) @Max(1000) int maxQuickFailures,
		@DefaultValue("TERM") @Pattern(regexp = "TERM|INT|QUIT|HUP|USR1|USR2") String stopSignal,
		@DefaultValue("10s") @NotNull Duration stopTimeout, @DefaultValue("60s") @NotNull Duration readyTimeout,
		@DefaultValue("10MB") @NotNull DataSize logMaxSize, @DefaultValue Map<String, @Valid CommandTemplate> templates,
		@DefaultValue @Valid StartupCache startupCache) {

	@AssertTrue(message = "instances.port-range-start must not be above instances.port-range-end")
	boolean isPortRangeOrdered() {
		return this.portRangeStart <= this.portRangeEnd;
	}

	/**
	 * Startup caches for instances of services: the runtime records one per service with
	 * a training run once the service's first instance is ready, in
	 * {@code <data-dir>/startup-cache}; later starts of its instances use it (an AppCDS
	 * archive on JDK 17 to 24, an AOT cache on 25+).
	 *
	 * @param enabled whether instances use startup caches
	 * @param trainingTimeout how long a training run may take before it is given up
	 */
	public record StartupCache(@DefaultValue("true") boolean enabled,
			@DefaultValue(StartupCaches.DEFAULT_TRAINING_TIMEOUT) @NotNull Duration trainingTimeout) {
	}

	/**
	 * A program run as an instance. In {@code command}, {@code env} and
	 * {@code ready-file}, {@code {name}} stands for the instance's name and
	 * {@code {port}} for its port.
	 *
	 * @param command the program and its arguments
	 * @param env further environment variables
	 * @param workingDir where it runs; the instance's own directory by default
	 * @param readyLine the instance is ready once its output has a line matching this
	 * regular expression
	 * @param readyFile the instance is ready once this file exists
	 */
	public record CommandTemplate(@NotEmpty List<String> command, @DefaultValue Map<String, String> env,
			@Nullable Path workingDir, @Nullable String readyLine, @Nullable String readyFile) {
	}

}
