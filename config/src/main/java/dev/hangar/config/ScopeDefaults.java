package dev.hangar.config;

import java.util.List;
import java.util.Map;

import org.springframework.core.io.Resource;

/**
 * A scope's built-in defaults: YAML resources shipped with its code (later ones win),
 * then values that are only known at run time, such as a service's default port (they win
 * over the resources); above them, defaults that the scope reads from other scopes'
 * configuration ({@code peers}).
 *
 * @param resources YAML resources; missing ones are skipped
 * @param values further defaults
 * @param peers defaults taken from other scopes' own layers, such as where a service the
 * scope talks to listens
 */
public record ScopeDefaults(List<Resource> resources, Map<String, Object> values, PeerDefaults peers) {

	public ScopeDefaults {
		resources = List.copyOf(resources);
		values = Map.copyOf(values);
	}

	public ScopeDefaults(List<Resource> resources, Map<String, Object> values) {
		this(resources, values, PeerDefaults.NONE);
	}

	public static ScopeDefaults none() {
		return new ScopeDefaults(List.of(), Map.of());
	}

}
