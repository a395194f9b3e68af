package dev.hangar.runtime.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.hangar.config.ConfigInputs;
import dev.hangar.config.ConfigLayers;
import dev.hangar.config.KnownKeys;
import dev.hangar.runtime.server.RuntimeServer;
import dev.hangar.service.ServiceCatalog;
import dev.hangar.service.cli.StartupFailures;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code server}: runs the selected services in this JVM until stopped. */
@Command(name = "server", description = "Run the selected services, each as its own Spring context, in this JVM.",
		footer = { "", "Selection: HANGAR_RUN_SERVICES (only these), else the default services plus",
				"HANGAR_ADD_RUN_SERVICES minus HANGAR_EXCLUDE_RUN_SERVICES. Configuration: --key=value." })
final class ServerCommand implements Callable<Integer> {

	@CommandLine.Unmatched
	private List<String> configuration = new ArrayList<>();

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		return StartupFailures.startOrReport(this.spec.commandLine().getErr(), "The Hangar runtime", () -> {
			ConfigLayers layers = new ConfigLayers(ConfigInputs.ofProcess(this.configuration));
			ClassLoader classLoader = getClass().getClassLoader();
			// Loaded here, with the command line's layers (runtime.jar builds this
			// command without a
			// catalog), so that a connector configured wrongly is reported as such.
			ServiceCatalog catalog = ServiceCatalog.load(classLoader, layers);
			KnownKeys knownKeys = KnownKeys.fromClasspath(classLoader);
			new RuntimeServer(layers, catalog, knownKeys).start();
		});
	}

}
