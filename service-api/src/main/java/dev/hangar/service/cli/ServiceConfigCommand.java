package dev.hangar.service.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.hangar.config.ConfigScope;
import dev.hangar.service.ServiceDefinition;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code <service> config}: prints the service's effective configuration, each value with
 * the place it came from. Starts nothing.
 */
@Command(name = "config",
		description = "Print the effective configuration of this service and where each value comes from.")
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
		ConfigScope scope = this.definition.scope();
		return ConfigReport.print(commandLine.getOut(), commandLine.getErr(), this.configuration, scope,
				(layers) -> layers.layersOf(scope), this.definition.propertiesClasses());
	}

}
