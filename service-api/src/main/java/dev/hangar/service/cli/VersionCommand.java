package dev.hangar.service.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code version}: prints Hangar's and Java's versions. */
@Command(name = "version", description = "Print Hangar's version and the Java it runs on.")
public final class VersionCommand implements Callable<Integer> {

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		for (String line : new HangarVersion().getVersion()) {
			this.spec.commandLine().getOut().println(line);
		}
		return ExitCodes.OK;
	}

}
