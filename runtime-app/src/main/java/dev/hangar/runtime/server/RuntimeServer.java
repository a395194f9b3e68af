package dev.hangar.runtime.server;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.hangar.config.ConfigLayers;
import dev.hangar.config.InvalidConfigurationException;
import dev.hangar.config.KnownKeys;
import dev.hangar.config.PlainBootVariables;
import dev.hangar.config.UnknownKeyCheck;
import dev.hangar.runtime.registry.RuntimeRegistry;
import dev.hangar.service.DataDirectory;
import dev.hangar.service.ServiceCatalog;
import dev.hangar.service.ServiceDefinition;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the runtime: checks the global configuration and the selection before anything
 * starts, then the runtime's own context and, alongside it once logging is set up, the
 * services. If either fails, nothing is left running.
 */
public final class RuntimeServer {

	private static final Log logger = LogFactory.getLog(RuntimeServer.class);

	private final ConfigLayers layers;

	private final ServiceCatalog catalog;

	private final KnownKeys knownKeys;

	public RuntimeServer(ConfigLayers layers, ServiceCatalog catalog, KnownKeys knownKeys) {
		this.layers = layers;
		this.catalog = catalog;
		this.knownKeys = knownKeys;
	}

	/**
	 * @throws InvalidConfigurationException for configuration or a selection that cannot
	 * work
	 * @throws RuntimeException if the runtime or one of its services failed to start;
	 * nothing is left running then
	 */
	public ConfigurableApplicationContext start() {
		RuntimeConfiguration configuration = new RuntimeConfiguration(this.layers);
		new UnknownKeyCheck(this.knownKeys).check(RuntimeConfiguration.scope(), configuration.layers(), logger::warn);
		PlainBootVariables.warnings(this.layers.inputs().environment(), RuntimeConfiguration.scope())
			.forEach(logger::warn);
		checkSections();
		DataDirectory.prepare(configuration.layers());
		List<ServiceDefinition> selected = new ServiceSelection(this.catalog).select(configuration.selection(),
				configuration);
		RuntimeRegistry registry = new RuntimeRegistry();
		ServiceRuntime services = new ServiceRuntime(selected, this.layers, this.knownKeys, registry);
		SpringApplication application = new SpringApplication(RuntimeApplication.class);
		application.setEnvironment(configuration.environment());
		application.addInitializers((context) -> {
			// Decided before the context starts: what it runs.
			context.getBeanFactory().registerSingleton("serviceCatalog", this.catalog);
			context.getBeanFactory().registerSingleton("configInputs", this.layers.inputs());
			context.getBeanFactory().registerSingleton("serviceRuntime", services);
			context.getBeanFactory().registerSingleton("runtimeRegistry", registry);
		}, (context) -> services.begin());
		try {
			return application.run();
		}
		catch (RuntimeException ex) {
			services.stop();
			throw ex;
		}
	}

	/**
	 * Every section of hangar.yaml must name a service: a misspelt section would be
	 * ignored.
	 */
	private void checkSections() {
		for (String section : this.layers.sections()) {
			if (this.catalog.find(section).isEmpty()) {
				throw new InvalidConfigurationException("Section '" + section + "' in "
						+ this.layers.inputs().configDir().file(ConfigLayers.HANGAR_FILE)
						+ " names no known service and is not a global key. Known services: "
						+ String.join(", ", this.catalog.names()) + "; global keys: "
						+ String.join(", ", ConfigLayers.GLOBAL_NAMES.stream().sorted().toList())
						+ ". Correct or remove the section.");
			}
		}
	}

}
