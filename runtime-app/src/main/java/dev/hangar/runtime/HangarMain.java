package dev.hangar.runtime;

import java.util.List;

import dev.hangar.config.ConfigInputs;
import dev.hangar.config.ConfigLayers;
import dev.hangar.config.InvalidConfigurationException;
import dev.hangar.runtime.cli.RuntimeCommand;
import dev.hangar.service.ServiceCatalog;
import dev.hangar.service.ServiceLauncher;

/** {@code java -jar runtime.jar}: Hangar's command line. */
public final class HangarMain {

	private HangarMain() {
	}

	public static void main(String[] args) {
		ServiceLauncher.exit(RuntimeCommand.commandLine(HangarMain::catalog, args).execute(args));
	}

	/**
	 * The services on the classpath, with the connectors the configuration adds.
	 * Configuration that cannot be read leaves the built-in ones, and the command reports
	 * it when it reads it.
	 */
	private static ServiceCatalog catalog() {
		ClassLoader classLoader = HangarMain.class.getClassLoader();
		try {
			return ServiceCatalog.load(classLoader, new ConfigLayers(ConfigInputs.ofProcess(List.of())));
		}
		catch (InvalidConfigurationException ex) {
			return ServiceCatalog.load(classLoader);
		}
	}

}
