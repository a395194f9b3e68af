package dev.hangar.runtime.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.hangar.config.ConfigScope;
import dev.hangar.runtime.server.RuntimeConfiguration;
import dev.hangar.runtime.server.RuntimeProperties;
import dev.hangar.runtime.server.ServiceSelectionProperties;
import dev.hangar.service.ServiceCatalog;
import dev.hangar.service.ServiceDefinition;
import dev.hangar.service.UnknownServiceException;
import dev.hangar.service.cli.ConfigReport;
import dev.hangar.service.cli.ExitCodes;
import dev.hangar.service.cli.ServiceConfigCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code config <service>}: the effective configuration of a service, with origins. */
@Command(name = "config",
		description = "Print the effective configuration of a service and where each value comes from.")
final class ConfigCommand implements Callable<Integer> {

	private final ServiceCatalog catalog;

	@CommandLine.Parameters(index = "0", paramLabel = "SERVICE",
			description = "The service, e.g. thumbnails, or 'runtime' for the runtime's own keys.")
	private String service;

	@CommandLine.Unmatched
	private List<String> configuration = new ArrayList<>();

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	ConfigCommand(ServiceCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public Integer call() {
		if (ConfigScope.RUNTIME.equals(this.service)) {
			return runtime();
		}
		ServiceDefinition definition;
		try {
			definition = this.catalog.require(this.service, "the command line");
		}
		catch (UnknownServiceException ex) {
			this.spec.commandLine().getErr().println(ex.getMessage());
			return ExitCodes.USAGE;
		}
		CommandLine delegate = new CommandLine(new ServiceConfigCommand(definition));
		delegate.setOut(this.spec.commandLine().getOut());
		delegate.setErr(this.spec.commandLine().getErr());
		return delegate.execute(this.configuration.toArray(String[]::new));
	}

	private int runtime() {
		CommandLine commandLine = this.spec.commandLine();
		return ConfigReport.print(commandLine.getOut(), commandLine.getErr(), this.configuration,
				RuntimeConfiguration.scope(), (layers) -> new RuntimeConfiguration(layers).layers(),
				List.of(RuntimeProperties.class, ServiceSelectionProperties.class));
	}

}
