package dev.hangar.runtime.server;

import java.util.LinkedHashMap;
import java.util.Map;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import dev.hangar.service.RunningService;

import org.springframework.context.SmartLifecycle;

/**
 * Ties the services' life to the runtime's context: the runtime has started once its
 * management server is up and every service runs, and it closes the services before its
 * management server stops.
 *
 * <p>
 * Each service's metrics stay in its own registry, exactly as when it runs alone; the
 * runtime's registry collects them all, so that {@code /actuator/prometheus} shows every
 * service, each tagged with its name.
 */
class ServiceRuntimeLifecycle implements SmartLifecycle {

	private final ServiceRuntime services;

	private final PrometheusRegistry metrics;

	private final Map<String, MultiCollector> collectors = new LinkedHashMap<>();

	private volatile boolean running;

	ServiceRuntimeLifecycle(ServiceRuntime services, PrometheusRegistry metrics) {
		this.services = services;
		this.metrics = metrics;
	}

	@Override
	public void start() {
		this.services.awaitStarted();
		for (ManagedService service : this.services.services()) {
			RunningService running = service.running();
			if (running != null) {
				MultiCollector collector = running.context().getBean(PrometheusRegistry.class)::scrape;
				this.collectors.put(service.name(), collector);
				this.metrics.register(collector);
			}
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.collectors.values().forEach(this.metrics::unregister);
		this.collectors.clear();
		this.services.stop();
		this.running = false;
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
