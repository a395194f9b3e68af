package dev.hangar.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What configuration is read from, besides the built-in defaults: the config dir, the
 * environment and the command-line arguments. Tests pass their own environment instead of
 * the process's.
 *
 * @param configDir where {@code hangar.yaml} and {@code <scope>.yaml} are looked for
 * @param environment the environment variables
 * @param arguments {@code --key=value} arguments, highest precedence of all
 */
public record ConfigInputs(ConfigDirectory configDir, Map<String, String> environment, List<String> arguments) {

	public ConfigInputs {
		environment = Map.copyOf(environment);
		arguments = List.copyOf(arguments);
	}

	/** The inputs of this process: its environment, and the given arguments. */
	public static ConfigInputs ofProcess(List<String> arguments) {
		Map<String, String> environment = System.getenv();
		return new ConfigInputs(ConfigDirectory.resolve(environment), environment, arguments);
	}

	public Path configPath() {
		return this.configDir.path();
	}

}
