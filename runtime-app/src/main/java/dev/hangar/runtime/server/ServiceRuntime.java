package dev.hangar.runtime.server;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.hangar.config.ConfigLayers;
import dev.hangar.config.KnownKeys;
import dev.hangar.runtime.registry.RuntimeRegistry;
import dev.hangar.service.RunningService;
import dev.hangar.service.ServiceApplication;
import dev.hangar.service.ServiceDefinition;
import dev.hangar.service.ServiceMode;
import dev.hangar.service.cli.StartupFailures;
import dev.hangar.service.logging.ServiceLogContext;
import dev.hangar.service.registry.ServiceEndpoint;

/**
 * Starts the selected services as Spring contexts of their own in this JVM and closes
 * them. Services that depend on none of the others start concurrently; a service starts
 * once every service it depends on runs. If one fails, those already started are closed:
 * no half-started set of services stays up.
 *
 * <p>
 * The start {@linkplain #begin() begins} while the runtime's own context is still
 * starting: the services need nothing from it, and starting them together takes a few
 * percent off the runtime's start (docs/benchmarks.md). {@link ServiceRuntimeLifecycle}
 * waits for them before the runtime reports started.
 */
public class ServiceRuntime {

	private static final Log logger = LogFactory.getLog(ServiceRuntime.class);

	private final Map<String, ManagedService> services = new LinkedHashMap<>();

	private final ConfigLayers layers;

	private final KnownKeys knownKeys;

	private final CompletableFuture<Void> started = new CompletableFuture<>();

	private volatile boolean begun;

	private final RuntimeRegistry registry;

	/**
	 * @param registry where each service's context enters as an endpoint when it runs,
	 * and leaves when it stops
	 */
	public ServiceRuntime(List<ServiceDefinition> selected, ConfigLayers layers, KnownKeys knownKeys,
			RuntimeRegistry registry) {
		selected.forEach((definition) -> this.services.put(definition.name(), new ManagedService(definition)));
		this.layers = layers;
		this.knownKeys = knownKeys;
		this.registry = registry;
	}

	public Collection<ManagedService> services() {
		return this.services.values();
	}

	/** Begins to start the services, on a thread of its own, and returns at once. */
	public void begin() {
		this.begun = true;
		new Thread(this::startAll, "hangar-services").start();
	}

	/**
	 * Waits until every service runs.
	 * @throws ServiceStartException if one failed to start; none runs then
	 */
	public void awaitStarted() {
		try {
			this.started.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw ex;
		}
	}

	private void startAll() {
		long began = System.nanoTime();
		Set<String> done = new HashSet<>();
		List<ManagedService> pending = new ArrayList<>(this.services.values());
		try {
			while (!pending.isEmpty()) {
				List<ManagedService> wave = pending.stream()
					.filter((service) -> done.containsAll(localDependencies(service)))
					.toList();
				if (wave.isEmpty()) {
					throw new IllegalStateException("Services depend on each other in a cycle: "
							+ pending.stream().map(ManagedService::name).toList());
				}
				startWave(wave);
				wave.forEach((service) -> done.add(service.name()));
				pending.removeAll(wave);
			}
			logger.info("Started " + this.services.size() + " services " + this.services.keySet() + " in "
					+ (System.nanoTime() - began) / 1_000_000 + " ms");
			this.started.complete(null);
		}
		catch (Throwable ex) {
			this.started.completeExceptionally(ex);
		}
	}

	private Set<String> localDependencies(ManagedService service) {
		Set<String> dependencies = new HashSet<>(service.definition().dependsOn());
		dependencies.retainAll(this.services.keySet());
		return dependencies;
	}

	private void startWave(List<ManagedService> wave) {
		Map<ManagedService, CompletableFuture<RunningService>> starts = new LinkedHashMap<>();
		for (ManagedService service : wave) {
			service.starting();
			starts.put(service,
					new ServiceApplication(service.definition(), this.layers, this.knownKeys, ServiceMode.EMBEDDED)
						.startAsync());
		}
		ServiceStartException failure = null;
		for (Map.Entry<ManagedService, CompletableFuture<RunningService>> start : starts.entrySet()) {
			ManagedService service = start.getKey();
			try {
				RunningService running = start.getValue().join();
				service.running(running);
				String address = running.context().getEnvironment().getProperty("server.address", "");
				this.registry.put(new ServiceEndpoint(service.name(), ServiceEndpoint.RUNTIME_ID,
						ServiceEndpoint.reachableHost(address), running.port(), true, running.startedAt()));
			}
			catch (CompletionException ex) {
				Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
				service.failed(StartupFailures.summary(cause));
				if (failure == null) {
					failure = new ServiceStartException(service.name(), cause);
				}
			}
		}
		if (failure != null) {
			closeAll();
			throw failure;
		}
	}

	/**
	 * Closes every running service, concurrently; each lets its in-flight requests
	 * finish. A start still under way is waited for first, so that no service outlives
	 * the runtime.
	 */
	public void stop() {
		if (this.begun) {
			this.started.exceptionally((ex) -> null).join();
		}
		closeAll();
	}

	private void closeAll() {
		List<CompletableFuture<Void>> stops = new ArrayList<>();
		for (ManagedService service : this.services.values()) {
			RunningService running = service.running();
			if (running == null) {
				continue;
			}
			this.registry.remove(service.name(), ServiceEndpoint.RUNTIME_ID);
			service.stopping();
			Runnable close = () -> {
				try {
					running.context().close();
				}
				finally {
					service.stopped();
				}
			};
			// A thread per service: the common pool has a single thread on two cores.
			stops.add(CompletableFuture.runAsync(close,
					(task) -> new Thread(ServiceLogContext.threadGroup(service.name()), task,
							"hangar-stop-" + service.name())
						.start()));
		}
		stops.forEach(CompletableFuture::join);
	}

}
