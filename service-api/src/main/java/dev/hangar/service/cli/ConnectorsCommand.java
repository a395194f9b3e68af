package dev.hangar.service.cli;

import java.util.List;

import dev.hangar.service.ServiceDefinition;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root command of a connector code's jar ({@code storage.jar}): one subcommand per
 * connector, each with the commands of a service. It answers help and version; a
 * connector's own commands run through its service command.
 */
@Command(footer = { "", "A connector given only --key=value arguments runs its server.",
		"Add a connector with a <code>-<name>.yaml that sets http.port." })
public final class ConnectorsCommand implements Runnable {

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	private ConnectorsCommand() {
	}

	/**
	 * @param code the connector code, e.g. {@code storage}
	 * @param description what the code does
	 * @param connectors the connectors of that code
	 */
	public static CommandLine commandLine(String code, String description, List<ServiceDefinition> connectors) {
		CommandLine commandLine = new CommandLine(new ConnectorsCommand());
		commandLine.setCommandName(code + ".jar");
		commandLine.getCommandSpec().usageMessage().description(description);
		connectors.forEach((connector) -> commandLine.addSubcommand(ServiceCommand.commandLine(connector)));
		commandLine.addSubcommand("version", new VersionCommand());
		return CommandHelp.addTo(commandLine);
	}

	@Override
	public void run() {
		throw new CommandLine.ParameterException(this.spec.commandLine(), "Missing command: name the connector to run");
	}

}
