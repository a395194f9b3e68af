package dev.hangar.runtime.server;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hangar.service.RunningService;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/services}: what the runtime runs, the data of {@code runtime.jar list}.
 */
@Endpoint(id = "services")
public class ServicesEndpoint {

	private final ServiceRuntime runtime;

	private final Instant started = Instant.now();

	public ServicesEndpoint(ServiceRuntime runtime) {
		this.runtime = runtime;
	}

	@ReadOperation
	public Map<String, Object> services() {
		long pid = ProcessHandle.current().pid();
		List<Map<String, Object>> services = this.runtime.services().stream().map((service) -> describe(service, pid)).toList();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("pid", pid);
		result.put("startedAt", this.started.toString());
		result.put("java", System.getProperty("java.version"));
		result.put("services", services);
		return result;
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
		entry.put("uptimeSeconds", (running != null) ? Duration.between(running.startedAt(), Instant.now()).toSeconds() : null);
		entry.put("startupMillis", (running != null) ? running.startupTime().toMillis() : null);
		entry.put("failure", service.failure());
		return entry;
	}

}
