package dev.hangar.thumbnails;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.hangar.service.logging.ServiceLogContext;
import dev.hangar.service.web.RequestRefusedException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Decodes and scales images on a fixed number of platform threads, in the order requests arrive;
 * the request's thread waits for its turn. Scaling is all CPU. On virtual request threads (Java
 * 21+) it held the few carrier threads, and under load some requests waited seconds while others
 * went through (p99 1.4-2.7 s against 45 ms on platform threads, docs/benchmarks.md). A fixed pool
 * also bounds how many decoded images, up to {@code max-input-pixels} each, are in memory at once.
 * A request that finds every thread busy and {@code render-queue} requests waiting is refused with
 * 503 rather than queued without end.
 */
class RenderWorkers implements DisposableBean {

	private final ThreadPoolExecutor executor;

	RenderWorkers(int threads, int queue) {
		CustomizableThreadFactory threadFactory = new CustomizableThreadFactory("thumbnails-render-");
		threadFactory.setThreadGroup(ServiceLogContext.threadGroup("thumbnails"));
		threadFactory.setDaemon(true);
		this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(queue), threadFactory, new ThreadPoolExecutor.AbortPolicy());
	}

	/** Runs {@code work} on a render thread and answers its result; what it throws is thrown here. */
	<T> T run(Supplier<T> work) {
		Future<T> result;
		try {
			result = this.executor.submit(work::get);
		}
		catch (RejectedExecutionException ex) {
			throw new RequestRefusedException(HttpStatus.SERVICE_UNAVAILABLE,
					"All " + threads() + " render threads are busy and " + this.executor.getQueue().size()
							+ " requests are waiting (render-threads, render-queue); retry later.");
		}
		try {
			return result.get();
		}
		catch (ExecutionException ex) {
			throw rethrown(ex.getCause());
		}
		catch (InterruptedException ex) {
			result.cancel(true);
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a render thread", ex);
		}
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

	private static RuntimeException rethrown(Throwable cause) {
		if (cause instanceof RuntimeException runtime) {
			return runtime;
		}
		if (cause instanceof Error error) {
			throw error;
		}
		return new IllegalStateException(cause);
	}

}
