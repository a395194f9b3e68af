package dev.hangar.service;

import java.util.Set;

import dev.hangar.service.cli.ExitCodes;
import dev.hangar.service.cli.ServiceCommand;
import picocli.CommandLine;

/**
 * Runs one service as its own process. A service's {@code main} is one line:
 * {@code ServiceLauncher.run(new ThumbnailsService(), args)}. With no command, or only
 * {@code --key=value} configuration, it runs {@code server}.
 */
public final class ServiceLauncher {

	private static final Set<String> HELP_OR_VERSION = Set.of("version", "help", "-h", "--help", "-V", "--version");

	private static final Set<String> COMMANDS = Set.of("server", "config");

	private ServiceLauncher() {
	}

	public static void run(ServiceDefinition definition, String[] args) {
		String[] effective = (args.length == 0 || !(COMMANDS.contains(args[0]) || isHelpOrVersion(args[0])))
				? prepend("server", args) : args;
		exit(ServiceCommand.commandLine(definition).execute(effective));
	}

	/** Whether {@code argument}, given first, asks for help or the version. */
	static boolean isHelpOrVersion(String argument) {
		return HELP_OR_VERSION.contains(argument);
	}

	/** Exits with {@code code}, unless a server was started and must keep running. */
	public static void exit(int code) {
		if (code != ExitCodes.KEEP_RUNNING) {
			System.exit(code);
		}
	}

	private static String[] prepend(String first, String[] rest) {
		String[] result = new String[rest.length + 1];
		result[0] = first;
		System.arraycopy(rest, 0, result, 1, rest.length);
		return result;
	}

}
