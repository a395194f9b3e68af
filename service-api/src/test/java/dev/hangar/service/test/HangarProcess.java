package dev.hangar.service.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A Hangar jar run as a real process, with its output in a file, so that tests see what a
 * user sees: the exit code, the lines it prints, its PID.
 */
public final class HangarProcess implements AutoCloseable {

	private final Process process;

	private final Path output;

	private HangarProcess(Process process, Path output) {
		this.process = process;
		this.output = output;
	}

	/** Runs {@code java -jar jar args...} with the given JVM. */
	public static HangarProcess start(Path javaHome, Path jar, Map<String, String> environment, Path output,
			String... args) {
		List<String> command = new ArrayList<>(
				List.of(javaHome.resolve("bin/java").toString(), "-Xshare:auto", "-jar", jar.toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
		Map<String, String> env = builder.environment();
		env.keySet()
			.removeIf((name) -> name.startsWith("HANGAR_") || name.startsWith("THUMBNAILS_")
					|| name.startsWith("SETTINGS_") || name.startsWith("STORAGE_"));
		env.putAll(environment);
		try {
			return new HangarProcess(builder.start(), output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Runs with the JVM that runs the tests. */
	public static HangarProcess start(Path jar, Map<String, String> environment, Path output, String... args) {
		return start(Path.of(System.getProperty("java.home")), jar, environment, output, args);
	}

	/**
	 * Runs a command to its end and returns its exit code; its output is in
	 * {@link #output()}.
	 */
	public static Result run(Path jar, Map<String, String> environment, Path output, String... args) {
		try (HangarProcess process = start(jar, environment, output, args)) {
			int code = process.awaitExit(Duration.ofSeconds(60));
			return new Result(code, process.output());
		}
	}

	public long pid() {
		return this.process.pid();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	public String output() {
		try {
			return Files.readString(this.output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Waits until the output holds {@code text}, failing early if the process exits
	 * first.
	 */
	public void awaitOutput(String text, Duration timeout) {
		await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
			if (output().contains(text)) {
				return true;
			}
			if (!this.process.isAlive()) {
				throw new AssertionError("Process exited with " + this.process.exitValue() + " before printing '" + text
						+ "':\n" + output());
			}
			return false;
		});
	}

	/** Sends SIGKILL: the process gets no chance to clean up. */
	public void kill() {
		this.process.destroyForcibly();
	}

	/** Sends SIGTERM. */
	public void terminate() {
		this.process.destroy();
	}

	public int awaitExit(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new AssertionError("Process still running after " + timeout + ":\n" + output());
			}
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroyForcibly();
			try {
				this.process.waitFor(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** A command that ran to its end. */
	public record Result(int exitCode, String output) {
	}

	/**
	 * An environment for a Hangar process whose config and data dirs are under
	 * {@code home}.
	 */
	public static Map<String, String> environment(Path home, String... pairs) {
		Map<String, String> environment = new HashMap<>();
		environment.put("HOME", home.toString());
		environment.put("HANGAR_CONFIG_DIR", home.resolve("config").toString());
		environment.put("HANGAR_DATA_DIR", home.resolve("data").toString());
		for (int i = 0; i < pairs.length; i += 2) {
			environment.put(pairs[i], pairs[i + 1]);
		}
		return environment;
	}

}
