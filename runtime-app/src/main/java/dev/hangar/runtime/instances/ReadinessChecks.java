package dev.hangar.runtime.instances;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import dev.hangar.runtime.process.HttpReadinessProbe;

/**
 * Tells when instances are ready, on a thread of its own: the supervisor's thread never
 * waits for a probe. Readiness is checked soon after the start, then at doubling
 * intervals up to the last: a trivial command is ready within milliseconds, a JVM within
 * seconds. An HTTP probe is sent asynchronously, so a target that accepts and never
 * answers holds no thread either.
 */
final class ReadinessChecks implements AutoCloseable {

	private static final long FIRST_CHECK_MS = 5;

	private static final long MAX_INTERVAL_MS = 50;

	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

	private final InstanceLogs logs;

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "hangar-instances-readiness");
		thread.setDaemon(true);
		return thread;
	});

	private final HttpReadinessProbe http = new HttpReadinessProbe(PROBE_TIMEOUT);

	ReadinessChecks(InstanceLogs logs) {
		this.logs = logs;
	}

	/**
	 * Checks {@code readiness} of {@code process} until it is ready, it exits or the
	 * check is cancelled; then runs {@code onReady} once, on this class's thread.
	 * @param log the instance's log, for a ready line
	 * @param logOffset where the instance's own lines begin in it
	 */
	Check watch(Launch.Readiness readiness, RunningProcess process, Path log, long logOffset, Runnable onReady) {
		Check check = new Check(readiness, process, log, logOffset, onReady);
		if (readiness instanceof Launch.Readiness.OnStart) {
			onReady.run();
		}
		else {
			check.after(FIRST_CHECK_MS);
		}
		return check;
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	/** The checks of one process. */
	final class Check {

		private final Launch.Readiness readiness;

		private final RunningProcess process;

		private final Path log;

		private final long logOffset;

		private final Runnable onReady;

		private volatile boolean cancelled;

		private Check(Launch.Readiness readiness, RunningProcess process, Path log, long logOffset, Runnable onReady) {
			this.readiness = readiness;
			this.process = process;
			this.log = log;
			this.logOffset = logOffset;
			this.onReady = onReady;
		}

		/** No more checks: the process exited, or its instance is gone. */
		void cancel() {
			this.cancelled = true;
		}

		private void after(long delay) {
			if (!this.cancelled && !ReadinessChecks.this.executor.isShutdown()) {
				ReadinessChecks.this.executor.schedule(() -> check(delay), delay, TimeUnit.MILLISECONDS);
			}
		}

		private void check(long delay) {
			if (this.cancelled || !this.process.isAlive()) {
				return;
			}
			long next = Math.min(delay * 2, MAX_INTERVAL_MS);
			isReady().whenComplete((ready, failure) -> {
				if (Boolean.TRUE.equals(ready) && !this.cancelled) {
					this.onReady.run();
				}
				else {
					after(next);
				}
			});
		}

		private CompletableFuture<Boolean> isReady() {
			try {
				if (this.readiness instanceof Launch.Readiness.Probe probe) {
					return ReadinessChecks.this.http.isReady(URI.create(probe.url()));
				}
				if (this.readiness instanceof Launch.Readiness.File file) {
					return CompletableFuture.completedFuture(Files.exists(file.path()));
				}
				if (this.readiness instanceof Launch.Readiness.Line line) {
					Pattern pattern = Pattern.compile(line.pattern());
					return CompletableFuture
						.completedFuture(ReadinessChecks.this.logs.linesFrom(this.log, this.logOffset)
							.anyMatch((candidate) -> pattern.matcher(candidate).find()));
				}
				return CompletableFuture.completedFuture(true);
			}
			catch (IOException ex) {
				return CompletableFuture.completedFuture(false);
			}
		}

	}

}
