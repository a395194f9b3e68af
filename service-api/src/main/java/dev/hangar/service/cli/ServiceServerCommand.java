package dev.hangar.service.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.hangar.config.ConfigInputs;
import dev.hangar.config.ConfigLayers;
import dev.hangar.config.KnownKeys;
import dev.hangar.service.ServiceApplication;
import dev.hangar.service.ServiceDefinition;
import dev.hangar.service.ServiceMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code <service> server}: runs the service alone in this JVM until it is stopped. */
@Command(name = "server", description = "Run this service alone in this JVM.",
		footer = "Configuration: --key=value arguments win over every other layer, e.g. --http.port=9185.")
final class ServiceServerCommand implements Callable<Integer> {

	private final ServiceDefinition definition;

	@CommandLine.Unmatched
	private List<String> configuration = new ArrayList<>();

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	ServiceServerCommand(ServiceDefinition definition) {
		this.definition = definition;
	}

	@Override
	public Integer call() {
		return StartupFailures.startOrReport(this.spec.commandLine().getErr(), this.definition.name(), () -> {
			ConfigLayers layers = new ConfigLayers(ConfigInputs.ofProcess(this.configuration));
			KnownKeys knownKeys = KnownKeys.fromClasspath(getClass().getClassLoader());
			new ServiceApplication(this.definition, layers, knownKeys, ServiceMode.STANDALONE).start();
		});
	}

}
