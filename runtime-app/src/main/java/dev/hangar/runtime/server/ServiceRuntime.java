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

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.hangar.config.ConfigLayers;
import dev.hangar.config.KnownKeys;
import dev.hangar.service.RunningService;
import dev.hangar.service.ServiceApplication;
import dev.hangar.service.ServiceDefinition;
import dev.hangar.service.ServiceMode;
import dev.hangar.service.SharedClassMetadata;
import dev.hangar.service.cli.StartupFailures;
import dev.hangar.service.logging.ServiceLogContext;

import org.springframework.context.SmartLifecycle;

/**
 * Starts the selected services as Spring contexts of their own in this JVM once the runtime's
 * management server is up, and closes them before it goes down. Services that depend on none of
 * the others start concurrently; a service starts once every service it depends on runs. If one
 * fails, those already started are closed and the runtime's start fails: no half-started runtime
 * stays up.
 *
 * <p>
 * Each service's metrics stay in its own registry, exactly as when it runs alone; the runtime's
 * registry collects them all, so that {@code /actuator/prometheus} shows every service, each
 * tagged with its name.
 */
public class ServiceRuntime implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ServiceRuntime.class);

	private final Map<String, ManagedService> services = new LinkedHashMap<>();

	private final ConfigLayers layers;

	private final KnownKeys knownKeys;

	private final SharedClassMetadata classMetadata;

	private final PrometheusRegistry metrics;

	private final Map<String, MultiCollector> collectors = new LinkedHashMap<>();

	private volatile boolean running;

	public ServiceRuntime(List<ServiceDefinition> selected, ConfigLayers layers, KnownKeys knownKeys,
			SharedClassMetadata classMetadata, PrometheusRegistry metrics) {
		selected.forEach((definition) -> this.services.put(definition.name(), new ManagedService(definition)));
		this.layers = layers;
		this.knownKeys = knownKeys;
		this.classMetadata = classMetadata;
		this.metrics = metrics;
	}

	public Collection<ManagedService> services() {
		return this.services.values();
	}

	@Override
	public void start() {
		long started = System.nanoTime();
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
		}
		finally {
			this.classMetadata.clear();
		}
		this.running = true;
		logger.info("Started " + this.services.size() + " services " + this.services.keySet() + " in "
				+ (System.nanoTime() - started) / 1_000_000 + " ms");
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
			starts.put(service, new ServiceApplication(service.definition(), this.layers, this.knownKeys,
					ServiceMode.EMBEDDED, this.classMetadata).startAsync());
		}
		ServiceStartException failure = null;
		for (Map.Entry<ManagedService, CompletableFuture<RunningService>> start : starts.entrySet()) {
			ManagedService service = start.getKey();
			try {
				RunningService running = start.getValue().join();
				service.running(running);
				registerMetrics(running);
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
			stopAll();
			throw failure;
		}
	}

	private void registerMetrics(RunningService running) {
		PrometheusRegistry registry = running.context().getBean(PrometheusRegistry.class);
		MultiCollector collector = registry::scrape;
		this.collectors.put(running.name(), collector);
		this.metrics.register(collector);
	}

	@Override
	public void stop() {
		stopAll();
		this.running = false;
	}

	/** Closes every running service, concurrently; each lets its in-flight requests finish. */
	private void stopAll() {
		List<CompletableFuture<Void>> stops = new ArrayList<>();
		for (ManagedService service : this.services.values()) {
			RunningService running = service.running();
			if (running == null) {
				continue;
			}
			service.stopping();
			MultiCollector collector = this.collectors.remove(service.name());
			if (collector != null) {
				this.metrics.unregister(collector);
			}
			Runnable close = () -> {
				try {
					running.context().close();
				}
				finally {
					service.stopped();
				}
			};
			// A thread per service: the common pool has a single thread on two cores.
			stops.add(CompletableFuture.runAsync(close, (task) -> new Thread(ServiceLogContext.threadGroup(service.name()),
					task, "hangar-stop-" + service.name()).start()));
		}
		stops.forEach(CompletableFuture::join);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** After the management server has started; stopped before it stops. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 512;
	}

}
