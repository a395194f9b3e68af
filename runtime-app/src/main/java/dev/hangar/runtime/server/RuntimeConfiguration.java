package dev.hangar.runtime.server;

import java.util.List;
import java.util.Map;

import dev.hangar.config.ConfigEntry;
import dev.hangar.config.ConfigLayer;
import dev.hangar.config.ConfigLayers;
import dev.hangar.config.ConfigScope;
import dev.hangar.config.EffectiveConfiguration;
import dev.hangar.config.ScopeDefaults;
import dev.hangar.service.HangarEnvironment;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.io.ClassPathResource;

/**
 * The runtime's own configuration scope: global keys only ({@code hangar.yaml} outside
 * any section, {@code HANGAR_*}, command line), over the defaults every service shares
 * and the runtime's own.
 */
public final class RuntimeConfiguration {

	private final List<ConfigLayer> layers;

	public RuntimeConfiguration(ConfigLayers configLayers) {
		this.layers = configLayers.layersOf(scope());
	}

	public static ConfigScope scope() {
		ClassLoader classLoader = RuntimeConfiguration.class.getClassLoader();
		return new ConfigScope(ConfigScope.RUNTIME,
				new ScopeDefaults(
						List.of(new ClassPathResource("dev/hangar/service/service-defaults.yaml", classLoader),
								new ClassPathResource("dev/hangar/runtime/runtime-defaults.yaml", classLoader)),
						Map.of()));
	}

	public List<ConfigLayer> layers() {
		return this.layers;
	}

	public HangarEnvironment environment() {
		return HangarEnvironment.of(this.layers);
	}

	public RuntimeProperties runtime() {
		return binder().bindOrCreate("runtime", RuntimeProperties.class);
	}

	public ServiceSelectionProperties selection() {
		return binder().bindOrCreate("", ServiceSelectionProperties.class);
	}

	/**
	 * The value of {@code key} as its layers give it, without binding: what a command
	 * needs to find the runtime, read without the cost of a binder's start-up.
	 */
	public @Nullable String valueOf(String key) {
		return EffectiveConfiguration.valueOf(this.layers, key);
	}

	/**
	 * Where the value of {@code key} came from, e.g.
	 * {@code environment variable HANGAR_RUNTIME_PORT}.
	 */
	public String originOf(String key) {
		ConfigEntry entry = EffectiveConfiguration.lookup(this.layers, key);
		return (entry != null) ? entry.origin() : "built-in default";
	}

	private Binder binder() {
		return new Binder(ConfigurationPropertySources.from(environment().getPropertySources()));
	}

}
