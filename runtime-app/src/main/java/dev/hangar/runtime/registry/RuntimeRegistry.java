package dev.hangar.runtime.registry;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.hangar.service.registry.ServiceEndpoint;

/**
 * Every endpoint of every service on this host, as the runtime knows it without asking
 * anyone: a service's context enters when it runs and leaves when it stops; an instance
 * enters the moment it is ready and leaves the moment it is not (stopped, exited, set
 * down, deleted). Fed by those events, never by polling, so it needs no time-to-live.
 */
public class RuntimeRegistry {

	private static final Comparator<ServiceEndpoint> ORDER = Comparator.comparing(ServiceEndpoint::service)
		.thenComparing((endpoint) -> !endpoint.id().equals(ServiceEndpoint.RUNTIME_ID))
		.thenComparing(ServiceEndpoint::id);

	private final Map<String, ServiceEndpoint> endpoints = new ConcurrentHashMap<>();

	/** Adds {@code endpoint}, or replaces the one with its service and id. */
	public void put(ServiceEndpoint endpoint) {
		this.endpoints.put(key(endpoint.service(), endpoint.id()), endpoint);
	}

	/** Removes the endpoint {@code id} of {@code service}, if there is one. */
	public void remove(String service, String id) {
		this.endpoints.remove(key(service, id));
	}

	/** Every endpoint, by service, the runtime's context first. */
	public List<ServiceEndpoint> endpoints() {
		return this.endpoints.values().stream().sorted(ORDER).toList();
	}

	/** The endpoints of {@code service} that take requests. */
	public List<ServiceEndpoint> readyEndpoints(String service) {
		return this.endpoints.values()
			.stream()
			.filter((endpoint) -> endpoint.service().equals(service) && endpoint.ready())
			.sorted(ORDER)
			.toList();
	}

	private static String key(String service, String id) {
		return service + "/" + id;
	}

}
