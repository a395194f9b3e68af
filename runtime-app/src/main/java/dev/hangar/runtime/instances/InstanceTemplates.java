package dev.hangar.runtime.instances;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import dev.hangar.config.ConfigFile;
import dev.hangar.config.InvalidConfigurationException;
import dev.hangar.runtime.startup.ServiceLaunchOptions;
import dev.hangar.service.Instancing;
import dev.hangar.service.ServiceCatalog;
import dev.hangar.service.ServiceDefinition;
import dev.hangar.service.web.RequestRefusedException;

import org.springframework.http.HttpStatus;

/**
 * The templates instances are made from: every instantiable service (its instance runs
 * the service's standalone code from runtime.jar) and every command template of the
 * configuration.
 */
class InstanceTemplates {

	private final ServiceCatalog catalog;

	private final InstanceProperties properties;

	private final Path javaLauncher;

	private final ServiceLaunchOptions serviceLaunch;

	private final Path configDir;

	/**
	 * @param java the java an instance of a service runs on: this JVM's
	 * @param serviceLaunch what follows {@code java} on an instance of a service's
	 * command line: runtime.jar, whose standalone commands instances run, and its startup
	 * cache
	 */
	InstanceTemplates(ServiceCatalog catalog, InstanceProperties properties, Path java,
			ServiceLaunchOptions serviceLaunch, Path configDir) {
		this.catalog = catalog;
		this.properties = properties;
		this.javaLauncher = java;
		this.serviceLaunch = serviceLaunch;
		this.configDir = configDir;
		for (String name : properties.templates().keySet()) {
			if (catalog.find(name).isPresent()) {
				throw new InvalidConfigurationException(
						"Command template '" + name + "' (instances.templates) has the name of a service; rename it.");
			}
		}
	}

	/** The names of every template, sorted. */
	List<String> names() {
		TreeSet<String> names = new TreeSet<>(this.properties.templates().keySet());
		this.catalog.all()
			.stream()
			.filter((s) -> s.instancing() == Instancing.INSTANTIABLE)
			.forEach((s) -> names.add(s.name()));
		return new ArrayList<>(names);
	}

	/**
	 * Checks that {@code template} can be instantiated.
	 * @throws RequestRefusedException if it is unknown or a service that cannot be
	 * instantiated
	 */
	void check(String template) {
		if (this.properties.templates().containsKey(template)) {
			return;
		}
		ServiceDefinition service = this.catalog.find(template)
			.orElseThrow(() -> new RequestRefusedException(HttpStatus.NOT_FOUND,
					"Unknown template '" + template + "'. Templates: " + String.join(", ", names()) + "."));
		if (service.instancing() != Instancing.INSTANTIABLE) {
			throw new RequestRefusedException(HttpStatus.BAD_REQUEST,
					"Service '" + template + "' is " + service.instancing().name().toLowerCase().replace('_', '-')
							+ " and cannot be instantiated. Templates: " + String.join(", ", names()) + ".");
		}
	}

	/**
	 * The port an instance's own layer ({@code <service>@<name>.yaml}) names, if any: it
	 * wins over the configured range.
	 */
	OptionalInt layerPort(String template, InstanceName name) {
		if (!isService(template)) {
			return OptionalInt.empty();
		}
		String file = template + "@" + name + ".yaml";
		String port = ConfigFile.read(this.configDir.resolve(file)).value("http.port").orElse(null);
		if (port == null) {
			return OptionalInt.empty();
		}
		try {
			return OptionalInt.of(Integer.parseInt(port.strip()));
		}
		catch (NumberFormatException ex) {
			throw new RequestRefusedException(HttpStatus.BAD_REQUEST,
					"http.port = \"" + port + "\" in " + this.configDir.resolve(file) + " is not a port number.");
		}
	}

	boolean isService(String template) {
		return !this.properties.templates().containsKey(template);
	}

	Launch launch(String template, InstanceName name, int port, Path directory) {
		InstanceProperties.CommandTemplate command = this.properties.templates().get(template);
		if (command == null) {
			List<String> argv = new ArrayList<>(List.of(this.javaLauncher.toString()));
			argv.addAll(this.serviceLaunch.javaOptions(template));
			argv.addAll(List.of(template, "server", "--http.port=" + port, "--data-dir=" + directory.resolve("data")));
			return new Launch(argv, Map.of("HANGAR_INSTANCE", name.value()), directory,
					new Launch.Readiness.Probe("http://127.0.0.1:" + port + "/actuator/health/readiness"));
		}
		List<String> argv = command.command().stream().map((arg) -> substitute(arg, name, port)).toList();
		Map<String, String> environment = new HashMap<>();
		command.env().forEach((key, value) -> environment.put(key, substitute(value, name, port)));
		environment.put("HANGAR_INSTANCE", name.value());
		Path workingDir = (command.workingDir() != null) ? command.workingDir() : directory;
		Path readyFile = (command.readyFile() != null) ? workingDir.resolve(substitute(command.readyFile(), name, port))
				: null;
		return new Launch(argv, environment, workingDir, Launch.Readiness.of(command.readyLine(), readyFile));
	}

	/**
	 * An instance of {@code template} is ready: a service's first one has its startup
	 * cache prepared.
	 */
	void instanceReady(String template) {
		if (isService(template)) {
			this.serviceLaunch.instanceReady(template);
		}
	}

	/**
	 * Whether a process of {@code template} runs from a startup cache, told by its
	 * arguments: also right for a process an earlier runtime started. Null for a command
	 * template.
	 */
	@Nullable Boolean fromStartupCache(String template, RunningProcess process) {
		if (!isService(template)) {
			return null;
		}
		return process.arguments().map(ServiceLaunchOptions::runsFromCache).orElse(false);
	}

	private static String substitute(String text, InstanceName name, int port) {
		return text.replace("{name}", name.value()).replace("{port}", String.valueOf(port));
	}

}
