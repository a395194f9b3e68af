package dev.hangar.service.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.hangar.config.ConfigEntry;
import dev.hangar.config.ConfigInputs;
import dev.hangar.config.ConfigLayer;
import dev.hangar.config.ConfigLayers;
import dev.hangar.config.EffectiveConfiguration;
import dev.hangar.config.InvalidConfigurationException;
import dev.hangar.config.KnownKeys;
import dev.hangar.config.UnknownKeyCheck;
import dev.hangar.service.ServiceDefinition;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code <service> config}: prints the service's effective configuration, each value with the
 * place it came from. Starts nothing.
 */
@Command(name = "config", description = "Print the effective configuration of this service and where each value comes from.")
public final class ServiceConfigCommand implements Callable<Integer> {

	private final ServiceDefinition definition;

	@CommandLine.Unmatched
	private List<String> configuration = new ArrayList<>();

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	public ServiceConfigCommand(ServiceDefinition definition) {
		this.definition = definition;
	}

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		try {
			ConfigInputs inputs = ConfigInputs.ofProcess(this.configuration);
			ConfigLayers layers = new ConfigLayers(inputs);
			KnownKeys knownKeys = KnownKeys.fromClasspath(getClass().getClassLoader());
			List<ConfigLayer> layerList = layers.layersOf(this.definition.scope());
			new UnknownKeyCheck(knownKeys).check(this.definition.scope(), layerList, (warning) -> err.println("Warning: " + warning));
			List<ConfigEntry> entries = EffectiveConfiguration.of(layerList,
					knownKeys.declaredBy(this.definition.propertiesClasses()));
			out.println("Effective configuration of " + this.definition.name() + " (config dir " + inputs.configPath()
					+ ", " + inputs.configDir().origin() + ")");
			out.print(Table.of(List.of("KEY", "VALUE", "ORIGIN"),
					entries.stream().map((entry) -> List.of(entry.key(), entry.value(), entry.origin())).toList()));
			this.spec.commandLine().getOut().flush();
			return ExitCodes.OK;
		}
		catch (InvalidConfigurationException ex) {
			err.println("Invalid configuration: " + ex.getMessage());
			return ExitCodes.CONFIG;
		}
	}

}
