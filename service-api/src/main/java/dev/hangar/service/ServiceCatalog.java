package dev.hangar.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import dev.hangar.config.ConfigEntry;
import dev.hangar.config.ConfigLayers;
import dev.hangar.config.EffectiveConfiguration;
import dev.hangar.config.InvalidConfigurationException;
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

	/**
	 * The services that {@link ServiceLoader} finds through {@code classLoader}, with the
	 * built-in connectors of every {@link ConnectorDefinition}.
	 */
	public static ServiceCatalog load(ClassLoader classLoader) {
		List<ServiceDefinition> services = new ArrayList<>(services(classLoader));
		connectors(classLoader).forEach(
				(code) -> code.builtInConnectors().forEach((name, port) -> services.add(code.connector(name, port))));
		return new ServiceCatalog(services);
	}

	/**
	 * As {@link #load(ClassLoader)}, plus the connectors that the configuration adds:
	 * every {@code <code>-<name>} section or file that names no built-in connector. Such
	 * a connector has no default port, so its configuration must set {@code http.port}.
	 */
	public static ServiceCatalog load(ClassLoader classLoader, ConfigLayers layers) {
		ServiceCatalog builtIn = load(classLoader);
		List<ServiceDefinition> services = new ArrayList<>(builtIn.all());
		for (ConnectorDefinition code : connectors(classLoader)) {
			for (String name : layers.configuredScopes()) {
				if (name.startsWith(code.code() + "-") && builtIn.find(name).isEmpty()) {
					ServiceDefinition connector = code.connector(name, 0);
					ConfigEntry port = EffectiveConfiguration.lookup(layers.layersOf(connector.scope()), "http.port");
					if (port == null || "0".equals(port.value())) {
						throw new InvalidConfigurationException(
								"Connector '" + name + "' (configured in " + layers.inputs().configPath()
										+ ") has no http.port. Set one, e.g. 'http.port: 9230' in " + name
										+ ".yaml or under '" + name + ":' in hangar.yaml.");
					}
					services.add(code.connector(name, port(name, port)));
				}
			}
		}
		return new ServiceCatalog(services);
	}

	private static int port(String connector, ConfigEntry port) {
		try {
			return Integer.parseInt(port.value());
		}
		catch (NumberFormatException ex) {
			throw new InvalidConfigurationException("Connector '" + connector + "' has http.port = \"" + port.value()
					+ "\" (from " + port.origin() + "), which is not a port number. Set a number from 1 to 65535.");
		}
	}

	private static List<ServiceDefinition> services(ClassLoader classLoader) {
		return ServiceLoader.load(ServiceDefinition.class, classLoader)
			.stream()
			.map(ServiceLoader.Provider::get)
			.toList();
	}

	private static List<ConnectorDefinition> connectors(ClassLoader classLoader) {
		return ServiceLoader.load(ConnectorDefinition.class, classLoader)
			.stream()
			.map(ServiceLoader.Provider::get)
			.toList();
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
			throw new IllegalStateException("Two services are named '" + name + "': " + previous.getClass().getName()
					+ " and " + definition.getClass().getName());
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
