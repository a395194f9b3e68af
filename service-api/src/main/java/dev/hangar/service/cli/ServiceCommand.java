package dev.hangar.service.cli;

import dev.hangar.service.ServiceDefinition;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** The commands of one service: {@code server} and {@code config}. */
@Command(mixinStandardHelpOptions = true, versionProvider = HangarVersion.class)
public final class ServiceCommand implements Runnable {

	private final ServiceDefinition definition;

	@CommandLine.Spec
	private CommandSpec spec;

	private ServiceCommand(ServiceDefinition definition) {
		this.definition = definition;
	}

	/** The command line of {@code definition}, named after it. */
	public static CommandLine commandLine(ServiceDefinition definition) {
		CommandLine commandLine = new CommandLine(new ServiceCommand(definition));
		commandLine.setCommandName(definition.name());
		commandLine.getCommandSpec().usageMessage().description(definition.description());
		commandLine.addSubcommand("server", new ServiceServerCommand(definition));
		commandLine.addSubcommand("config", new ServiceConfigCommand(definition));
		commandLine.addSubcommand("version", new VersionCommand());
		commandLine.setExecutionExceptionHandler(new ConfigurationErrorHandler());
		return CommandHelp.addTo(commandLine);
	}

	@Override
	public void run() {
		throw new CommandLine.ParameterException(this.spec.commandLine(),
				"Missing command: use '" + this.definition.name() + " server' to start the service");
	}

}
