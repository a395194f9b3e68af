package dev.hangar.runtime.instances;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one thread every change of instances' state runs on, so that an exit, a timer and
 * an operator's command never race. Nothing on it waits for a process, a probe or a log.
 */
final class SupervisorThread {

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread worker = new Thread(task, "hangar-instances");
		worker.setDaemon(true);
		return worker;
	});

	ScheduledExecutorService executor() {
		return this.executor;
	}

	/**
	 * Runs {@code work} on the thread and waits for its result; what it throws is thrown
	 * here.
	 */
	<T> T call(Callable<T> work) {
		try {
			return this.executor.submit(work).get(60, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("The instance supervisor did not answer within 60 s", ex);
		}
	}

	void shutdown() {
		this.executor.shutdown();
	}

}
