package dev.hangar.thumbnails;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.hangar.service.logging.ServiceLogContext;
import dev.hangar.service.web.ClientConnection;
import dev.hangar.service.web.RequestRefusedException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Decodes and scales images on a fixed number of platform threads, in the order requests
 * arrive; the request's thread waits for its turn. Scaling is all CPU. On virtual request
 * threads (Java 21+) it held the few carrier threads, and under load some requests waited
 * seconds while others went through (docs/benchmarks.md). A fixed pool also bounds how
 * many decoded images, up to {@code max-input-pixels} each, are in memory at once. A
 * request that finds every thread busy and {@code render-queue} requests waiting is
 * refused with 503 rather than queued without end. A render whose client has gone, or
 * that runs past {@code render-timeout}, is cancelled: it leaves the queue, or its
 * decoding is aborted.
 */
class RenderWorkers implements DisposableBean {

	/** How often a waiting request asks whether its client is still there. */
	private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

	private final ThreadPoolExecutor executor;

	private final Clock clock;

	private final Counter cancelled;

	RenderWorkers(int threads, int queue, Clock clock, MeterRegistry meters) {
		this.clock = clock;
		this.cancelled = Counter.builder("hangar.thumbnails.renders.cancelled")
			.description("Renders stopped before they finished: the client went away, or render-timeout passed")
			.register(meters);
		CustomizableThreadFactory threadFactory = new CustomizableThreadFactory("thumbnails-render-");
		threadFactory.setThreadGroup(ServiceLogContext.threadGroup("thumbnails"));
		threadFactory.setDaemon(true);
		this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(queue), threadFactory, new ThreadPoolExecutor.AbortPolicy());
	}

	/**
	 * Runs {@code work} on a render thread and answers its result; what it throws is
	 * thrown here. While it waits, the request's thread asks whether its client is still
	 * there: when it is gone, or when {@code timeout} has passed, the render is cancelled
	 * and this throws.
	 */
	<T> T run(Supplier<T> work, RenderCancellation cancellation, ClientConnection client, Duration timeout) {
		Future<T> result;
		try {
			result = this.executor.submit(work::get);
		}
		catch (RejectedExecutionException ex) {
			throw new RequestRefusedException(HttpStatus.SERVICE_UNAVAILABLE,
					"All " + threads() + " render threads are busy and " + this.executor.getQueue().size()
							+ " requests are waiting (render-threads, render-queue); retry later.");
		}
		Instant deadline = this.clock.instant().plus(timeout);
		try {
			while (true) {
				try {
					return result.get(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
				}
				catch (TimeoutException ex) {
					if (client.isClosed()) {
						throw cancel(result, cancellation, "The client went away; its render was stopped.");
					}
					if (!this.clock.instant().isBefore(deadline)) {
						throw cancel(result, cancellation, "The render took longer than " + timeout.toSeconds()
								+ " s (render-timeout) and was stopped; retry later or send a smaller image.");
					}
				}
			}
		}
		catch (ExecutionException ex) {
			throw rethrown(ex.getCause());
		}
		catch (InterruptedException ex) {
			cancel(result, cancellation, "Interrupted");
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a render thread", ex);
		}
	}

	private RenderCancelledException cancel(Future<?> result, RenderCancellation cancellation, String reason) {
		cancellation.cancel(reason);
		result.cancel(false);
		this.executor.purge();
		this.cancelled.increment();
		return new RenderCancelledException(reason);
	}

	int threads() {
		return this.executor.getMaximumPoolSize();
	}

	/** Requests waiting for a render thread. */
	int waiting() {
		return this.executor.getQueue().size();
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

	private static RuntimeException rethrown(@Nullable Throwable cause) {
		if (cause instanceof RuntimeException runtime) {
			return runtime;
		}
		if (cause instanceof Error error) {
			throw error;
		}
		return new IllegalStateException(cause);
	}

}
