package dev.hangar.config;

import java.util.List;
import java.util.Map;

import org.springframework.core.io.Resource;

/**
 * A scope's built-in defaults: YAML resources shipped with its code (later ones win), then values
 * that are only known at run time, such as a service's default port (they win over the resources).
 *
 * @param resources YAML resources; missing ones are skipped
 * @param values further defaults
 */
public record ScopeDefaults(List<Resource> resources, Map<String, Object> values) {

	public ScopeDefaults {
		resources = List.copyOf(resources);
		values = Map.copyOf(values);
	}

	public static ScopeDefaults none() {
		return new ScopeDefaults(List.of(), Map.of());
	}

}
