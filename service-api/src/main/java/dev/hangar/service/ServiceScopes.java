package dev.hangar.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.hangar.config.ConfigScope;
import dev.hangar.config.ScopeDefaults;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * Makes the configuration scope of a service: Hangar's common defaults, then the
 * service's own.
 */
final class ServiceScopes {

	/**
	 * Defaults every service shares: actuator exposure, graceful shutdown, virtual
	 * threads.
	 */
	static final String COMMON_DEFAULTS = "dev/hangar/service/service-defaults.yaml";

	private ServiceScopes() {
	}

	static ConfigScope of(ServiceDefinition definition) {
		List<Resource> resources = new ArrayList<>();
		resources.add(new ClassPathResource(COMMON_DEFAULTS, ServiceScopes.class.getClassLoader()));
		String own = definition.defaultsResource();
		if (own != null) {
			resources.add(new ClassPathResource(own, definition.getClass().getClassLoader()));
		}
		Map<String, Object> values = Map.of("http.port", definition.defaultPort(), "spring.application.name",
				definition.name());
		return new ConfigScope(definition.name(), new ScopeDefaults(resources, values, definition.peerDefaults()));
	}

}
