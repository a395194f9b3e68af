package dev.hangar.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.hangar.config.ConfigScope;
import dev.hangar.config.ScopeDefaults;

/** One named connector of a {@link ConnectorDefinition}, as a service. */
final class ConnectorService implements ServiceDefinition {

	private final ConnectorDefinition code;

	private final String name;

	private final int defaultPort;

	ConnectorService(ConnectorDefinition code, String name, int defaultPort) {
		if (!name.startsWith(code.code() + "-")) {
			throw new IllegalArgumentException(
					"A connector of " + code.code() + " must be named " + code.code() + "-<name>, not " + name);
		}
		this.code = code;
		this.name = name;
		this.defaultPort = defaultPort;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public String description() {
		return this.code.description() + " (" + this.name + ")";
	}

	@Override
	public int defaultPort() {
		return this.defaultPort;
	}

	@Override
	public Instancing instancing() {
		return Instancing.CONNECTOR;
	}

	@Override
	public Class<?> configuration() {
		return this.code.configuration();
	}

	@Override
	public List<Class<?>> propertiesClasses() {
		return this.code.propertiesClasses();
	}

	@Override
	public @Nullable String defaultsResource() {
		return this.code.defaultsResource();
	}

	@Override
	public ConfigScope scope() {
		ConfigScope scope = ServiceScopes.of(this);
		Map<String, Object> values = new HashMap<>(scope.defaults().values());
		values.putAll(this.code.defaults(this.name));
		return new ConfigScope(this.name, new ScopeDefaults(scope.defaults().resources(), values));
	}

}
