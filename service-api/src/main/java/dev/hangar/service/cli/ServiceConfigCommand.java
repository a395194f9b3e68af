package dev.hangar.service.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.hangar.config.ConfigInputs;
import dev.hangar.config.ConfigLayers;
import dev.hangar.config.InvalidConfigurationException;
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
		CommandLine commandLine = this.spec.commandLine();
		try {
			ConfigInputs inputs = ConfigInputs.ofProcess(this.configuration);
			return ConfigReport.print(commandLine.getOut(), commandLine.getErr(), inputs, this.definition.scope(),
					new ConfigLayers(inputs).layersOf(this.definition.scope()), this.definition.propertiesClasses());
		}
		catch (InvalidConfigurationException ex) {
			commandLine.getErr().println("Invalid configuration: " + ex.getMessage());
			return ExitCodes.CONFIG;
		}
	}

}
