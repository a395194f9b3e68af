package dev.hangar.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What other scopes set for themselves: their own environment variables, their own file
 * and their section of {@code hangar.yaml}, but neither their built-in defaults (another
 * scope's code may not be on this classpath) nor the command line (another process's is
 * not known here).
 */
public final class PeerSettings {

	private static final Set<ConfigLayer.Kind> OWN = Set.of(ConfigLayer.Kind.SCOPE_ENVIRONMENT,
			ConfigLayer.Kind.SCOPE_FILE, ConfigLayer.Kind.SCOPE_SECTION);

	private final ConfigLayers layers;

	PeerSettings(ConfigLayers layers) {
		this.layers = layers;
	}

	/** What scope {@code name} sets for {@code key} itself, with where it is set. */
	public Optional<ConfigEntry> own(String name, String key) {
		return lookup(name, key, OWN);
	}

	/**
	 * What scope {@code name} sets for {@code key} itself or gets from the global layers
	 * ({@code HANGAR_*}, the global part of {@code hangar.yaml}), for keys every service
	 * shares such as {@code http.host}.
	 */
	public Optional<ConfigEntry> ownOrGlobal(String name, String key) {
		Set<ConfigLayer.Kind> kinds = Set.of(ConfigLayer.Kind.SCOPE_ENVIRONMENT, ConfigLayer.Kind.SCOPE_FILE,
				ConfigLayer.Kind.SCOPE_SECTION, ConfigLayer.Kind.GLOBAL_ENVIRONMENT, ConfigLayer.Kind.GLOBAL_FILE);
		return lookup(name, key, kinds);
	}

	/**
	 * Every scope the configuration names (sections and files), for finding peers added
	 * by configuration.
	 */
	public Set<String> configuredScopes() {
		return this.layers.configuredScopes();
	}

	private Optional<ConfigEntry> lookup(String name, String key, Set<ConfigLayer.Kind> kinds) {
		List<ConfigLayer> peerLayers = this.layers.layersOf(new ConfigScope(name, ScopeDefaults.none()))
			.stream()
			.filter((layer) -> kinds.contains(layer.kind()))
			.toList();
		return Optional.ofNullable(EffectiveConfiguration.lookup(peerLayers, key));
	}

}
