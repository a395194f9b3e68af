package dev.hangar.service;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.hangar.config.ConfigScope;
import dev.hangar.config.PeerDefaults;

import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * What a Hangar service declares about itself. Implementations are found on the classpath
 * through {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/dev.hangar.service.ServiceDefinition} file in the service's
 * jar), never from a list in the runtime.
 */
public interface ServiceDefinition {

	/**
	 * The service's name: its section in {@code hangar.yaml}, its file
	 * {@code <name>.yaml}, its environment prefix, its metrics tag. Lowercase letters,
	 * digits and dashes.
	 */
	String name();

	/** One line that says what the service does, for {@code list} and {@code --help}. */
	String description();

	/** The HTTP port it listens on unless configured otherwise. */
	int defaultPort();

	Instancing instancing();

	/**
	 * The Spring configuration that makes the service: typically a class annotated with
	 * {@code @SpringBootConfiguration} and {@code @EnableAutoConfiguration}.
	 */
	Class<?> configuration();

	/**
	 * Its {@code @ConfigurationProperties} classes: their keys are what {@code config}
	 * lists, with defaults, even when unset. Read from the
	 * {@link EnableConfigurationProperties @EnableConfigurationProperties} of its
	 * {@link #configuration()}, so that they are declared once.
	 */
	default List<Class<?>> propertiesClasses() {
		return DeclaredProperties.of(configuration());
	}

	/**
	 * A classpath YAML resource with the service's built-in defaults, or {@code null}.
	 */
	default @Nullable String defaultsResource() {
		return null;
	}

	/**
	 * Defaults this service takes from other services' own configuration, such as where a
	 * service it calls listens; they rank just above its built-in defaults.
	 */
	default PeerDefaults peerDefaults() {
		return PeerDefaults.NONE;
	}

	/**
	 * Services that must be ready before this one starts; the rest start concurrently.
	 */
	default Set<String> dependsOn() {
		return Set.of();
	}

	/** Whether the runtime runs it when no selection says otherwise. */
	default boolean runByDefault() {
		return true;
	}

	/** The configuration scope of this service. */
	default ConfigScope scope() {
		return ServiceScopes.of(this);
	}

}
