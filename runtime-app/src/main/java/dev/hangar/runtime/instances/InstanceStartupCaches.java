package dev.hangar.runtime.instances;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.hangar.runtime.startup.StartupCache;
import dev.hangar.runtime.startup.StartupCaches;
import dev.hangar.runtime.startup.TrainingWorkload;

/**
 * Startup caches for the instances of services. An instance starts from its service's
 * cache when one is ready. Once the first instance of a service is ready (so that the
 * training run does not compete with it for the CPU), the service's cache is prepared in
 * the background, one training run at a time; later starts and restarts of its instances
 * use it.
 */
final class InstanceStartupCaches {

	private static final Log logger = LogFactory.getLog(InstanceStartupCaches.class);

	private final @Nullable StartupCaches caches;

	private final List<String> services;

	private final Map<String, CacheState> states = new ConcurrentHashMap<>();

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "hangar-startup-cache");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * @param caches where caches are kept; null when they are switched off
	 * @param services every built-in service, which a training run must not take
	 * configuration for
	 */
	InstanceStartupCaches(@Nullable StartupCaches caches, List<String> services) {
		this.caches = caches;
		this.services = List.copyOf(services);
	}

	/**
	 * Tells what caches there are already, in the background. Called once the runtime is
	 * ready: the digest of runtime.jar it takes first is CPU the runtime's start-up
	 * should not share.
	 */
	void start() {
		StartupCaches caches = this.caches;
		if (caches != null) {
			try {
				this.executor.execute(() -> caches.list()
					.forEach((cache) -> this.states.putIfAbsent(cache.name(), CacheState.READY)));
			}
			catch (RejectedExecutionException ex) {
				// The runtime was stopped just as it became ready: nothing is left to
				// list them for.
			}
		}
	}

	/** The cache an instance of {@code service} starts from, if one is ready. */
	Optional<StartupCache> find(String service) {
		CacheState state = this.states.get(service);
		if (this.caches == null || (state != null && state != CacheState.READY)) {
			return Optional.empty();
		}
		Optional<StartupCache> cache = this.caches.find(service);
		cache.ifPresent((found) -> this.states.putIfAbsent(service, CacheState.READY));
		return cache;
	}

	/** Called when an instance of {@code service} is ready: prepares its cache, once. */
	void instanceReady(String service) {
		if (this.caches == null) {
			return;
		}
		StartupCaches caches = this.caches;
		if (this.states.putIfAbsent(service, CacheState.PREPARING) == null) {
			this.executor.execute(() -> prepare(caches, service));
		}
	}

	/**
	 * The state of every service's cache that was asked for: preparing, ready or failed.
	 */
	Map<String, CacheState> states() {
		return new TreeMap<>(this.states);
	}

	boolean isEnabled() {
		return this.caches != null;
	}

	void stop() {
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void prepare(StartupCaches caches, String service) {
		if (this.states.get(service) == CacheState.READY) {
			return;
		}
		long start = System.nanoTime();
		try {
			StartupCache cache = caches.prepare(service,
					(scratch) -> TrainingWorkload.service(service, this.services, scratch));
			this.states.put(service, CacheState.READY);
			logger.info("Startup cache for instances of " + service + " ready after "
					+ TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms: " + cache.file()
					+ "; instances start from it from now on");
		}
		catch (RuntimeException ex) {
			if (Thread.currentThread().isInterrupted()) {
				return;
			}
			this.states.put(service, CacheState.FAILED);
			logger
				.warn("No startup cache for instances of " + service + "; they start without one. " + ex.getMessage());
		}
	}

	/** Where a service's cache stands. */
	enum CacheState {

		PREPARING, READY, FAILED;

		@Override
		public String toString() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
