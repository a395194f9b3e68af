package dev.hangar.runtime.startup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.hangar.runtime.process.HttpReadinessProbe;

/**
 * One training run: runtime.jar started with the option that records a cache, its
 * workload served, then stopped with SIGTERM, at which the JVM writes the cache. Killed
 * if anything takes longer than the timeout, or if the thread running it is interrupted.
 *
 * @param java the JDK to record with
 * @param jar the extracted runtime.jar
 * @param workload what to run and ask
 * @param cacheFile where the cache goes
 * @param log where the run's output goes
 * @param timeout how long the whole run may take
 */
record TrainingRun(JavaRuntime java, Path jar, TrainingWorkload workload, Path cacheFile, Path log, Duration timeout) {

	private static final Duration POLL = Duration.ofMillis(50);

	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

	void run() {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		List<String> command = new ArrayList<>(List.of(this.java.command().toString(),
				this.java.cacheFormat().recordOption(this.cacheFile), "-jar", this.jar.toString()));
		command.addAll(this.workload.arguments());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.log.toFile());
		builder.environment().clear();
		builder.environment().putAll(this.workload.environmentOver(System.getenv()));
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start a training run: " + command, ex);
		}
		try {
			awaitReady(process, deadline);
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			for (URI request : this.workload.requests()) {
				get(http, request);
			}
			process.destroy();
			if (!process.waitFor(remaining(deadline), TimeUnit.NANOSECONDS)) {
				throw failure("did not exit within " + this.timeout + " of its start after SIGTERM");
			}
			if (process.exitValue() != 0) {
				throw failure("exited with " + process.exitValue());
			}
			if (!Files.isRegularFile(this.cacheFile) || Files.size(this.cacheFile) == 0) {
				throw failure("exited without writing " + this.cacheFile);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StartupCacheException("Training run for '" + this.workload.name() + "' interrupted", ex);
		}
		catch (IOException ex) {
			throw failure("could not be served: " + ex.getMessage());
		}
		finally {
			process.destroyForcibly();
		}
	}

	private void awaitReady(Process process, long deadline) throws InterruptedException {
		HttpReadinessProbe probe = new HttpReadinessProbe(PROBE_TIMEOUT);
		while (!probe.isReady(this.workload.readiness()).join()) {
			if (!process.isAlive()) {
				throw failure("exited with " + process.exitValue() + " before it was ready");
			}
			if (remaining(deadline) <= 0) {
				throw failure("was not ready within " + this.timeout);
			}
			Thread.sleep(POLL.toMillis());
		}
	}

	private static int get(HttpClient http, URI uri) throws InterruptedException, IOException {
		try {
			return http
				.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (ConnectException ex) {
			return -1;
		}
	}

	private static long remaining(long deadline) {
		return deadline - System.nanoTime();
	}

	private StartupCacheException failure(String what) {
		return new StartupCacheException("Training run for '" + this.workload.name() + "' " + what + ". Its log ("
				+ this.log + ") ends:" + System.lineSeparator() + Scratch.tail(this.log, 15));
	}

}
