package dev.hangar.runtime.cli;

import dev.hangar.service.ServiceCatalog;
import dev.hangar.service.cli.ConfigurationErrorHandler;
import dev.hangar.service.cli.HangarVersion;
import dev.hangar.service.cli.ServiceCommand;
import dev.hangar.service.cli.VersionCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command of {@code runtime.jar}. */
@Command(name = "runtime.jar", mixinStandardHelpOptions = true, versionProvider = HangarVersion.class,
		description = "Hangar: runs a suite of Spring Boot services in one JVM, or each alone.",
		footer = { "", "Each service is also a command: 'runtime.jar <service> server' runs it alone in this JVM." })
public final class RuntimeCommand implements Runnable {

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	public static CommandLine commandLine(ServiceCatalog catalog) {
		CommandLine commandLine = new CommandLine(new RuntimeCommand());
		commandLine.addSubcommand("server", new ServerCommand());
		commandLine.addSubcommand("list", new ListCommand());
		commandLine.addSubcommand("health", new HealthCommand());
		commandLine.addSubcommand("config", new ConfigCommand(catalog));
		commandLine.addSubcommand("instance", new InstanceCommand());
		commandLine.addSubcommand("init", new InitCommand());
		commandLine.addSubcommand("cache", CacheCommand.commandLine(catalog));
		commandLine.addSubcommand("version", new VersionCommand());
		catalog.all().forEach((definition) -> commandLine.addSubcommand(definition.name(), ServiceCommand.commandLine(definition)));
		commandLine.setExecutionExceptionHandler(new ConfigurationErrorHandler());
		return commandLine;
	}

	@Override
	public void run() {
		throw new CommandLine.ParameterException(this.spec.commandLine(),
				"Missing command: 'server' starts the runtime, 'list' shows what a running one runs");
	}

}
