package dev.hangar.runtime.startup;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hangar.config.ConfigScope;
import dev.hangar.runtime.process.LoopbackPorts;

/**
 * What a training run runs and asks: the arguments of runtime.jar, the environment, when
 * it is ready, and the requests it serves before it is stopped. It runs on embedded
 * defaults in a scratch directory, never with the user's configuration or data, and on
 * free ports.
 *
 * @param name the name of the cache it records: {@code server} or a service's name
 * @param arguments runtime.jar's arguments
 * @param environment variables set over the inherited, cleaned environment
 * @param readiness answers 200 once every service of the run is ready
 * @param requests served once ready, so that the request path's classes are in the cache
 * too
 * @param cleared prefixes of inherited variables that would bring the user's
 * configuration in
 */
public record TrainingWorkload(String name, List<String> arguments, Map<String, String> environment, URI readiness,
		List<URI> requests, List<String> cleared) {

	private static final List<String> ENDPOINTS = List.of("/actuator/health", "/actuator/info", "/actuator/prometheus");

	/** The name of the workload that runs the runtime itself. */
	public static final String SERVER = "server";

	/**
	 * One service alone, as an instance of it runs: {@code runtime.jar <service> server}.
	 */
	public static TrainingWorkload service(String service, Collection<String> allServices, Path scratch) {
		int port = LoopbackPorts.anyFree();
		Map<String, String> environment = scratchEnvironment(scratch);
		return new TrainingWorkload(service,
				List.of(service, "server", "--http.port=" + port, "--data-dir=" + scratch.resolve("data")), environment,
				local(port, "/actuator/health/readiness"), ENDPOINTS.stream().map((path) -> local(port, path)).toList(),
				prefixes(allServices));
	}

	/** The runtime with every given service: {@code runtime.jar server}. */
	public static TrainingWorkload server(Collection<String> services, Path scratch) {
		Map<String, String> environment = scratchEnvironment(scratch);
		int runtimePort = LoopbackPorts.anyFree();
		environment.put("HANGAR_RUNTIME_PORT", String.valueOf(runtimePort));
		environment.put("HANGAR_RUN_SERVICES", String.join(",", services));
		List<URI> requests = new ArrayList<>(List.of(local(runtimePort, "/actuator/services")));
		for (String service : services) {
			int port = LoopbackPorts.anyFree();
			environment.put(prefix(service) + "_HTTP_PORT", String.valueOf(port));
			ENDPOINTS.forEach((path) -> requests.add(local(port, path)));
		}
		return new TrainingWorkload(SERVER, List.of(SERVER), environment,
				local(runtimePort, "/actuator/health/readiness"), requests, prefixes(services));
	}

	/**
	 * The inherited environment without the user's configuration, then this workload's
	 * variables.
	 */
	public Map<String, String> environmentOver(Map<String, String> inherited) {
		Map<String, String> result = new HashMap<>();
		inherited.forEach((key, value) -> {
			if (this.cleared.stream().noneMatch((prefix) -> key.startsWith(prefix + "_"))) {
				result.put(key, value);
			}
		});
		result.putAll(this.environment);
		return result;
	}

	private static Map<String, String> scratchEnvironment(Path scratch) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("HANGAR_CONFIG_DIR", scratch.resolve("config").toString());
		environment.put("HANGAR_DATA_DIR", scratch.resolve("data").toString());
		return environment;
	}

	private static List<String> prefixes(Collection<String> services) {
		List<String> prefixes = new ArrayList<>(List.of("HANGAR"));
		services.forEach((service) -> prefixes.add(prefix(service)));
		return prefixes;
	}

	private static String prefix(String service) {
		return ConfigScope.environmentPrefixOf(service);
	}

	private static URI local(int port, String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

}
