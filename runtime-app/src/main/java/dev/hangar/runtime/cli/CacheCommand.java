package dev.hangar.runtime.cli;

import dev.hangar.service.ServiceCatalog;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cache}: the startup caches of this runtime.jar on this JDK. */
@Command(name = "cache",
		description = "Prepare or list startup caches (an AppCDS archive on JDK 17-24, an AOT cache on 25+).",
		footer = { "", "'cache prepare' then 'java @<printed file> server' starts the runtime from its cache;",
				"deploy/bin/hangar-server does both." })
final class CacheCommand implements Runnable {

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	static CommandLine commandLine(ServiceCatalog catalog) {
		CommandLine commandLine = new CommandLine(new CacheCommand());
		commandLine.addSubcommand("prepare", new CachePrepareCommand(catalog));
		commandLine.addSubcommand("list", new CacheListCommand());
		return commandLine;
	}

	@Override
	public void run() {
		throw new CommandLine.ParameterException(this.spec.commandLine(),
				"Missing command: 'prepare' records a cache, 'list' shows the caches there are");
	}

}
