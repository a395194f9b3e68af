package dev.hangar.service.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Help on every command: {@code -h}/{@code --help} (and {@code -V}/{@code --version}) on
 * each command and subcommand, and a {@code help} subcommand wherever there are
 * subcommands, so that {@code help <command>} works at every level. Applied to a built
 * command line rather than declared on each command, so that no command can miss it.
 */
public final class CommandHelp {

	private CommandHelp() {
	}

	/** Adds help to {@code commandLine} and everything below it; returns it. */
	public static CommandLine addTo(CommandLine commandLine) {
		CommandSpec spec = commandLine.getCommandSpec();
		if (!spec.subcommands().isEmpty() && !spec.subcommands().containsKey("help")) {
			commandLine.addSubcommand("help", new CommandLine.HelpCommand());
		}
		for (CommandLine subcommand : spec.subcommands().values()) {
			if (!(subcommand.getCommand() instanceof CommandLine.HelpCommand)) {
				addTo(subcommand);
			}
		}
		if (!spec.mixinStandardHelpOptions()) {
			spec.mixinStandardHelpOptions(true);
		}
		if (spec.versionProvider() == null) {
			spec.versionProvider(new HangarVersion());
		}
		return commandLine;
	}

}
