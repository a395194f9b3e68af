package dev.hangar.runtime.server;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.hangar.config.InvalidConfigurationException;
import dev.hangar.service.ServiceCatalog;
import dev.hangar.service.ServiceDefinition;

/**
 * Chooses the services the runtime runs: exactly {@code run-services} when set, else
 * every default service plus {@code add-run-services} minus {@code exclude-run-services}.
 * Names are comma-separated with spaces trimmed. Unlike oCIS, an unknown name is an error
 * that lists the known services, and so is an empty selection.
 */
public final class ServiceSelection {

	private final ServiceCatalog catalog;

	public ServiceSelection(ServiceCatalog catalog) {
		this.catalog = catalog;
	}

	public List<ServiceDefinition> select(ServiceSelectionProperties properties, RuntimeConfiguration configuration) {
		List<String> run = names(properties.runServices());
		List<String> add = names(properties.addRunServices());
		List<String> exclude = names(properties.excludeRunServices());
		checkKnown(run, "run-services", configuration);
		checkKnown(add, "add-run-services", configuration);
		checkKnown(exclude, "exclude-run-services", configuration);
		Set<String> selected = new LinkedHashSet<>();
		if (!run.isEmpty()) {
			selected.addAll(run);
		}
		else {
			this.catalog.all()
				.stream()
				.filter(ServiceDefinition::runByDefault)
				.map(ServiceDefinition::name)
				.forEach(selected::add);
			selected.addAll(add);
			selected.removeAll(exclude);
		}
		if (selected.isEmpty()) {
			throw new InvalidConfigurationException("No service is selected to run ("
					+ (run.isEmpty() ? "exclude-run-services from " + configuration.originOf("exclude-run-services")
							+ " excludes every default service" : "run-services is empty")
					+ "). Known services: " + String.join(", ", this.catalog.names())
					+ ". Select at least one, e.g. HANGAR_RUN_SERVICES=" + this.catalog.names().get(0) + ".");
		}
		List<ServiceDefinition> result = new ArrayList<>();
		selected.stream().sorted().forEach((name) -> result.add(this.catalog.require(name, "selection")));
		return result;
	}

	private void checkKnown(List<String> names, String key, RuntimeConfiguration configuration) {
		for (String name : names) {
			if (this.catalog.find(name).isEmpty()) {
				throw new InvalidConfigurationException(
						"Unknown service '" + name + "' in " + key + " (from " + configuration.originOf(key)
								+ "). Known services: " + String.join(", ", this.catalog.names()) + ".");
			}
		}
	}

	private static List<String> names(List<String> values) {
		List<String> names = new ArrayList<>();
		for (String value : values) {
			for (String part : value.split(",")) {
				String name = part.strip();
				if (!name.isEmpty() && !names.contains(name)) {
					names.add(name);
				}
			}
		}
		return names;
	}

}
