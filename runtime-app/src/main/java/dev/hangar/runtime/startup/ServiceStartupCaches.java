package dev.hangar.runtime.startup;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Startup caches for the instances of services. An instance starts from its service's
 * cache when one is ready. Once the first instance of a service is ready (so that the
 * training run does not compete with it for the CPU), the service's cache is prepared in
 * the background, one training run at a time; later starts and restarts of its instances
 * use it.
 */
final class ServiceStartupCaches implements ServiceLaunchOptions {

	private static final Log logger = LogFactory.getLog(ServiceStartupCaches.class);

	private final StartupCaches caches;

	private final ServiceLaunchOptions withoutCache;

	private final List<String> services;

	private final Map<String, CacheState> states = new ConcurrentHashMap<>();

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "hangar-startup-cache");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * @param caches where caches are kept
	 * @param withoutCache how an instance starts while its service has no cache
	 * @param services every built-in service, which a training run must not take
	 * configuration for
	 */
	ServiceStartupCaches(StartupCaches caches, ServiceLaunchOptions withoutCache, List<String> services) {
		this.caches = caches;
		this.withoutCache = withoutCache;
		this.services = List.copyOf(services);
	}

	/**
	 * Tells what caches there are already, in the background. Called once the runtime is
	 * ready: the digest of runtime.jar it takes first is CPU the runtime's start-up
	 * should not share.
	 */
	@Override
	public void start() {
		try {
			this.executor.execute(() -> this.caches.list()
				.forEach((cache) -> this.states.putIfAbsent(cache.name(), CacheState.READY)));
		}
		catch (RejectedExecutionException ex) {
			// The runtime was stopped just as it became ready: nothing is left to list
			// them for.
		}
	}

	/** The cache's options when {@code service} has one ready, else the plain ones. */
	@Override
	public List<String> javaOptions(String service) {
		CacheState state = this.states.get(service);
		if (state != null && state != CacheState.READY) {
			return this.withoutCache.javaOptions(service);
		}
		return this.caches.find(service).map((cache) -> {
			this.states.putIfAbsent(service, CacheState.READY);
			return cache.javaOptions();
		}).orElseGet(() -> this.withoutCache.javaOptions(service));
	}

	/** Prepares the cache of {@code service}, once. */
	@Override
	public void instanceReady(String service) {
		if (this.states.putIfAbsent(service, CacheState.PREPARING) == null) {
			this.executor.execute(() -> prepare(service));
		}
	}

	@Override
	public boolean cachesEnabled() {
		return true;
	}

	/**
	 * The state of every service's cache that was asked for: preparing, ready or failed.
	 */
	@Override
	public Map<String, String> cacheStates() {
		Map<String, String> states = new TreeMap<>();
		this.states.forEach((service, state) -> states.put(service, state.toString()));
		return states;
	}

	@Override
	public void stop() {
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void prepare(String service) {
		if (this.states.get(service) == CacheState.READY) {
			return;
		}
		long start = System.nanoTime();
		try {
			StartupCache cache = this.caches.prepare(service,
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
	private enum CacheState {

		PREPARING, READY, FAILED;

		@Override
		public String toString() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
