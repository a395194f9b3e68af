package dev.hangar.service;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One service code run under several names, each a service in its own right with its own
 * configuration, port, environment prefix, health component and metrics tag: the storage
 * connectors {@code storage-users} and {@code storage-system}, say. Found through
 * {@link java.util.ServiceLoader}, like {@link ServiceDefinition}.
 *
 * <p>
 * Besides its built-in connectors, every {@code <code>-<name>} that the configuration
 * names (a section of {@code hangar.yaml}, or a file {@code <code>-<name>.yaml}) is a
 * connector too: a user adds one by configuration alone.
 */
public interface ConnectorDefinition {

	/** The code's name, the prefix of its connectors' names, e.g. {@code storage}. */
	String code();

	String description();

	/**
	 * The connectors that exist without configuration, by name, with their default ports.
	 */
	Map<String, Integer> builtInConnectors();

	/** The Spring configuration that makes a connector. */
	Class<?> configuration();

	/**
	 * Its {@code @ConfigurationProperties} classes, as
	 * {@link ServiceDefinition#propertiesClasses()}.
	 */
	default List<Class<?>> propertiesClasses() {
		return DeclaredProperties.of(configuration());
	}

	/**
	 * A classpath YAML resource with defaults every connector of this code shares, or
	 * {@code null}.
	 */
	default @Nullable String defaultsResource() {
		return null;
	}

	/** Defaults of one connector, e.g. its root under the data dir. */
	default Map<String, Object> defaults(String name) {
		return Map.of();
	}

	/** The connector named {@code name}, as a service. */
	default ServiceDefinition connector(String name, int defaultPort) {
		return new ConnectorService(this, name, defaultPort);
	}

}
