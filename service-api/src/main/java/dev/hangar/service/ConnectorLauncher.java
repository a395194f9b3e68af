package dev.hangar.service;

import java.util.Arrays;
import java.util.List;

import dev.hangar.config.ConfigInputs;
import dev.hangar.config.ConfigLayers;
import dev.hangar.config.InvalidConfigurationException;
import dev.hangar.service.cli.ConnectorsCommand;
import dev.hangar.service.cli.ExitCodes;

/**
 * Runs one connector of a {@link ConnectorDefinition} as its own process:
 * {@code java -jar storage.jar storage-users [server|config] [--key=value...]}. The
 * connector is a built-in one or one the configuration adds.
 */
public final class ConnectorLauncher {

	private ConnectorLauncher() {
	}

	public static void run(ConnectorDefinition code, String[] args) {
		ServiceCatalog catalog;
		try {
			catalog = ServiceCatalog.load(ConnectorLauncher.class.getClassLoader(),
					new ConfigLayers(ConfigInputs.ofProcess(List.of())));
		}
		catch (InvalidConfigurationException ex) {
			System.err.println("Invalid configuration: " + ex.getMessage());
			ServiceLauncher.exit(ExitCodes.CONFIG);
			return;
		}
		List<ServiceDefinition> connectors = catalog.all()
			.stream()
			.filter((service) -> service.name().startsWith(code.code() + "-"))
			.toList();
		if (args.length > 0 && ServiceLauncher.isHelpOrVersion(args[0])) {
			ServiceLauncher
				.exit(ConnectorsCommand.commandLine(code.code(), code.description(), connectors).execute(args));
			return;
		}
		List<String> names = connectors.stream().map(ServiceDefinition::name).toList();
		if (args.length == 0 || !names.contains(args[0])) {
			System.err.println((args.length == 0 ? "Name the connector to run" : "Unknown connector '" + args[0] + "'")
					+ ": java -jar " + code.code() + ".jar <connector> [server|config] [--key=value...]. Connectors: "
					+ String.join(", ", names) + ". Add one with a " + code.code()
					+ "-<name>.yaml that sets http.port. More: java -jar " + code.code() + ".jar --help");
			ServiceLauncher.exit(ExitCodes.USAGE);
			return;
		}
		ServiceLauncher.run(catalog.require(args[0], "the command line"), Arrays.copyOfRange(args, 1, args.length));
	}

}
