package dev.hangar.runtime.server;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hangar.runtime.instances.InstanceStatus;
import dev.hangar.runtime.instances.InstanceSupervisor;
import dev.hangar.runtime.registry.RuntimeRegistry;
import dev.hangar.service.RunningService;
import dev.hangar.service.registry.ServiceEndpoint;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/services}: what the runtime runs, services and instances, and the
 * endpoints of each service in the runtime's registry: the data of
 * {@code runtime.jar list}.
 */
@Endpoint(id = "services")
public class ServicesEndpoint {

	private final ServiceRuntime runtime;

	private final InstanceSupervisor instances;

	private final RuntimeRegistry registry;

	private final Instant started = Instant.now();

	public ServicesEndpoint(ServiceRuntime runtime, InstanceSupervisor instances, RuntimeRegistry registry) {
		this.runtime = runtime;
		this.instances = instances;
		this.registry = registry;
	}

	@ReadOperation
	public Map<String, Object> services() {
		long pid = ProcessHandle.current().pid();
		List<Map<String, Object>> services = new java.util.ArrayList<>(
				this.runtime.services().stream().map((service) -> describe(service, pid)).toList());
		this.instances.list(null).forEach((instance) -> services.add(describe(instance)));
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("pid", pid);
		result.put("startedAt", this.started.toString());
		result.put("java", System.getProperty("java.version"));
		result.put("services", services);
		result.put("endpoints", this.registry.endpoints().stream().map(ServicesEndpoint::describe).toList());
		return result;
	}

	private static Map<String, Object> describe(ServiceEndpoint endpoint) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("service", endpoint.service());
		entry.put("id", endpoint.id());
		entry.put("host", endpoint.host());
		entry.put("port", endpoint.port());
		entry.put("ready", endpoint.ready());
		entry.put("since", endpoint.since().toString());
		return entry;
	}

	private static Map<String, Object> describe(InstanceStatus instance) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("name", instance.template() + "@" + instance.name());
		entry.put("kind", "instance");
		entry.put("state", instance.state().toUpperCase()
				+ (instance.ready() ? "" : ("up".equals(instance.state()) ? " (not ready)" : "")));
		entry.put("port", instance.port());
		entry.put("pid", instance.pid());
		entry.put("uptimeSeconds", instance.uptimeSeconds());
		entry.put("wanted", instance.wanted());
		return entry;
	}

	private static Map<String, Object> describe(ManagedService service, long pid) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("name", service.name());
		entry.put("kind", "service");
		entry.put("state", service.state().name());
		entry.put("instancing", service.definition().instancing().name().toLowerCase());
		RunningService running = service.running();
		entry.put("port", (running != null) ? running.port() : service.definition().defaultPort());
		entry.put("pid", (running != null) ? pid : null);
		entry.put("startedAt", (running != null) ? running.startedAt().toString() : null);
		entry.put("uptimeSeconds",
				(running != null) ? Duration.between(running.startedAt(), Instant.now()).toSeconds() : null);
		entry.put("startupMillis", (running != null) ? running.startupTime().toMillis() : null);
		entry.put("failure", service.failure());
		return entry;
	}

}
