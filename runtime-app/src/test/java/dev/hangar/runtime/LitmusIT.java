package dev.hangar.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The litmus WebDAV compliance suite (Debian package {@code litmus}) against
 * storage-users inside a live runtime. CI installs litmus; without it the test is skipped
 * and says why.
 */
class LitmusIT {

	private static final Pattern SUMMARY = Pattern
		.compile("<- summary for `(\\w+)': of (\\d+) tests run: (\\d+) passed, (\\d+) failed");

	@Test
	void storageUsersPassesEveryLitmusGroup(@TempDir Path home) throws IOException, InterruptedException {
		assumeThat(Files.isExecutable(Path.of("/usr/bin/litmus"))).as("litmus (apt-get install litmus)").isTrue();

		try (RuntimeUnderTest runtime = new RuntimeUnderTest(home).start("HANGAR_RUN_SERVICES", "storage-users")) {
			Process litmus = new ProcessBuilder(List.of("/usr/bin/litmus", runtime.storageUsers("/").toString()))
				.redirectErrorStream(true)
				.directory(home.toFile())
				.start();
			// Read on a thread of its own, so that a litmus that hangs fails the test at
			// the timeout.
			CompletableFuture<String> reading = CompletableFuture.supplyAsync(() -> {
				try {
					return new String(litmus.getInputStream().readAllBytes());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			boolean finished = litmus.waitFor(5, TimeUnit.MINUTES);
			if (!finished) {
				litmus.destroyForcibly();
			}
			assertThat(finished).as("litmus finished within 5 minutes").isTrue();
			String output = reading.join();

			Map<String, int[]> groups = new LinkedHashMap<>();
			Matcher matcher = SUMMARY.matcher(output);
			while (matcher.find()) {
				groups.put(matcher.group(1), new int[] { Integer.parseInt(matcher.group(2)),
						Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(4)) });
			}
			groups.forEach((group, counts) -> System.out.printf("litmus %s: %d run, %d passed, %d failed%n", group,
					counts[0], counts[1], counts[2]));
			assertThat(groups).as(output).containsOnlyKeys("basic", "copymove", "props", "locks", "http");
			groups.forEach((group, counts) -> assertThat(counts[2]).as("failures in %s:%n%s", group, output).isZero());
			assertThat(litmus.exitValue()).isZero();
		}
	}

}
