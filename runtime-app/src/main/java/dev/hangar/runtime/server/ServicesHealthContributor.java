package dev.hangar.runtime.server;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.hangar.service.RunningService;

import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code services} component of the runtime's health: one component per service, each
 * the service's own aggregated health (what its {@code /actuator/health} says), not
 * merely whether its context runs.
 */
final class ServicesHealthContributor {

	private ServicesHealthContributor() {
	}

	static CompositeHealthContributor of(ServiceRuntime runtime) {
		Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
		runtime.services().forEach((service) -> indicators.put(service.name(), () -> health(service)));
		return CompositeHealthContributor.fromMap(indicators);
	}

	static Health health(ManagedService service) {
		RunningService running = service.running();
		if (service.state() != ServiceState.RUNNING || running == null) {
			Health.Builder builder = (service.state() == ServiceState.STARTING) ? Health.outOfService() : Health.down();
			builder.withDetail("state", service.state().name());
			if (service.failure() != null) {
				builder.withDetail("failure", service.failure());
			}
			return builder.build();
		}
		HealthDescriptor own = running.context().getBean(HealthEndpoint.class).health();
		Map<String, Object> components = new LinkedHashMap<>();
		if (own instanceof CompositeHealthDescriptor composite && composite.getComponents() != null) {
			composite.getComponents().forEach((name, component) -> components.put(name, describe(component)));
		}
		return Health.status(own.getStatus())
			.withDetail("state", service.state().name())
			.withDetail("port", running.port())
			.withDetail("components", components)
			.build();
	}

	private static Object describe(HealthDescriptor descriptor) {
		Status status = descriptor.getStatus();
		if (descriptor instanceof IndicatedHealthDescriptor indicated && !indicated.getDetails().isEmpty()) {
			return Map.of("status", status.getCode(), "details", indicated.getDetails());
		}
		return Map.of("status", status.getCode());
	}

}
