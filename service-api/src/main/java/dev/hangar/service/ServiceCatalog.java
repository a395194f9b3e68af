package dev.hangar.service;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import dev.hangar.config.ConfigLayers;
import dev.hangar.config.ConfigScope;

/** The services found on the classpath, by name. */
public final class ServiceCatalog {

	private final Map<String, ServiceDefinition> services;

	public ServiceCatalog(Collection<? extends ServiceDefinition> definitions) {
		Map<String, ServiceDefinition> byName = new LinkedHashMap<>();
		definitions.stream()
			.sorted((a, b) -> a.name().compareTo(b.name()))
			.forEach((definition) -> register(byName, definition));
		this.services = Map.copyOf(byName);
	}

	/** The services that {@link ServiceLoader} finds through {@code classLoader}. */
	public static ServiceCatalog load(ClassLoader classLoader) {
		return new ServiceCatalog(ServiceLoader.load(ServiceDefinition.class, classLoader).stream()
			.map(ServiceLoader.Provider::get)
			.toList());
	}

	private static void register(Map<String, ServiceDefinition> byName, ServiceDefinition definition) {
		String name = definition.name();
		if (!ConfigScope.NAME.matcher(name).matches() || ConfigScope.RUNTIME.equals(name)
				|| ConfigLayers.GLOBAL_NAMES.contains(name)) {
			throw new IllegalStateException("Service " + definition.getClass().getName() + " has the name '" + name
					+ "', which is not allowed: names are lowercase letters, digits and dashes, and may not be '"
					+ ConfigScope.RUNTIME + "' or a global key of hangar.yaml " + ConfigLayers.GLOBAL_NAMES);
		}
		ServiceDefinition previous = byName.putIfAbsent(name, definition);
		if (previous != null) {
			throw new IllegalStateException("Two services are named '" + name + "': "
					+ previous.getClass().getName() + " and " + definition.getClass().getName());
		}
	}

	public Optional<ServiceDefinition> find(String name) {
		return Optional.ofNullable(this.services.get(name));
	}

	/** All service names, sorted. */
	public List<String> names() {
		return this.services.keySet().stream().sorted().toList();
	}

	/** All services, sorted by name. */
	public List<ServiceDefinition> all() {
		return names().stream().map(this.services::get).toList();
	}

	/** The service named {@code name}, or an error that lists the known ones. */
	public ServiceDefinition require(String name, String source) {
		return find(name).orElseThrow(() -> new UnknownServiceException(name, source, names()));
	}

}
