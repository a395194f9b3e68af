package dev.hangar.service.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

import dev.hangar.config.ConfigEntry;
import dev.hangar.config.ConfigInputs;
import dev.hangar.config.ConfigLayer;
import dev.hangar.config.ConfigLayers;
import dev.hangar.config.ConfigScope;
import dev.hangar.config.EffectiveConfiguration;
import dev.hangar.config.InvalidConfigurationException;
import dev.hangar.config.KnownKeys;
import dev.hangar.config.UnknownKeyCheck;

/** Prints the effective configuration of a scope as a table of key, value and origin. */
public final class ConfigReport {

	private ConfigReport() {
	}

	/**
	 * @param arguments {@code --key=value} configuration from the command line
	 * @param layersOf how the scope's layers are made from all the layers
	 * @param propertiesClasses the scope's properties classes: their keys are listed even
	 * when unset
	 * @return the exit code
	 */
	public static int print(PrintWriter out, PrintWriter err, List<String> arguments, ConfigScope scope,
			Function<ConfigLayers, List<ConfigLayer>> layersOf, List<Class<?>> propertiesClasses) {
		try {
			ConfigInputs inputs = ConfigInputs.ofProcess(arguments);
			List<ConfigLayer> layers = layersOf.apply(new ConfigLayers(inputs));
			KnownKeys knownKeys = KnownKeys.fromClasspath(ConfigReport.class.getClassLoader());
			new UnknownKeyCheck(knownKeys).check(scope, layers, (warning) -> err.println("Warning: " + warning));
			List<ConfigEntry> entries = EffectiveConfiguration.of(layers, knownKeys.declaredBy(propertiesClasses));
			out.println("Effective configuration of " + scope.name() + " (config dir " + inputs.configPath() + ", "
					+ inputs.configDir().origin() + ")");
			out.print(Table.of(List.of("KEY", "VALUE", "ORIGIN"),
					entries.stream().map((entry) -> List.of(entry.key(), entry.value(), entry.origin())).toList()));
			out.flush();
			return ExitCodes.OK;
		}
		catch (InvalidConfigurationException ex) {
			err.println("Invalid configuration: " + ex.getMessage());
			return ExitCodes.CONFIG;
		}
	}

}
