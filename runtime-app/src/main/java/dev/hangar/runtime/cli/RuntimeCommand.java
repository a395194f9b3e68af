package dev.hangar.runtime.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.util.function.SingletonSupplier;

import dev.hangar.service.ServiceCatalog;
import dev.hangar.service.cli.CommandHelp;
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

	/**
	 * The command line for {@code args}: when the first argument names one of
	 * runtime.jar's own commands, the root with only that command, since picocli reads
	 * each command's class by reflection when it is added, and building them all slowed
	 * every start (of the server, and of each {@code list} or {@code health}); otherwise,
	 * for help, for an error and for a service's name, every command.
	 * @param catalog the services, loaded only if a command needs them
	 */
	public static CommandLine commandLine(Supplier<ServiceCatalog> catalog, String... args) {
		Supplier<ServiceCatalog> once = SingletonSupplier.of(catalog);
		Map<String, Function<Supplier<ServiceCatalog>, Object>> commands = commands();
		CommandLine commandLine = new CommandLine(new RuntimeCommand());
		String named = (args.length > 0) ? args[0] : "";
		// Completion covers every command, so it needs them all.
		if (commands.containsKey(named) && !named.equals("completion")) {
			commandLine.addSubcommand(named, commands.get(named).apply(once));
		}
		else {
			commands.forEach((name, command) -> commandLine.addSubcommand(name, command.apply(once)));
			once.get()
				.all()
				.forEach((definition) -> commandLine.addSubcommand(definition.name(),
						ServiceCommand.commandLine(definition)));
		}
		commandLine.setExecutionExceptionHandler(new ConfigurationErrorHandler());
		return CommandHelp.addTo(commandLine);
	}

	/**
	 * runtime.jar's own commands, in the order its help lists them, each made when
	 * wanted.
	 */
	private static Map<String, Function<Supplier<ServiceCatalog>, Object>> commands() {
		Map<String, Function<Supplier<ServiceCatalog>, Object>> commands = new LinkedHashMap<>();
		commands.put("server", (catalog) -> new ServerCommand());
		commands.put("list", (catalog) -> new ListCommand());
		commands.put("health", (catalog) -> new HealthCommand());
		commands.put("config", (catalog) -> new ConfigCommand(catalog.get()));
		commands.put("instance", (catalog) -> new InstanceCommand());
		commands.put("init", (catalog) -> new InitCommand());
		commands.put("cache", (catalog) -> CacheCommand.commandLine(catalog.get()));
		commands.put("version", (catalog) -> new VersionCommand());
		commands.put("completion", (catalog) -> new CompletionCommand());
		return commands;
	}

	@Override
	public void run() {
		throw new CommandLine.ParameterException(this.spec.commandLine(),
				"Missing command: 'server' starts the runtime, 'list' shows what a running one runs");
	}

}
