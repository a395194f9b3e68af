package dev.hangar.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.hangar.runtime.startup.StartupCache;
import dev.hangar.runtime.startup.StartupCaches;
import dev.hangar.service.cli.ExitCodes;
import dev.hangar.service.cli.Table;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cache list}: the startup caches of this runtime.jar on this JDK. */
@Command(name = "list", description = "List the startup caches of this runtime.jar on this JDK.")
final class CacheListCommand implements Callable<Integer> {

	@CommandLine.Unmatched
	private List<String> configuration = new ArrayList<>();

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		StartupCaches caches = CacheLocation.of(this.configuration, Duration.ZERO);
		List<StartupCache> all = caches.list();
		if (all.isEmpty()) {
			out.println("No startup caches for this runtime.jar on Java " + caches.java().version() + " in "
					+ caches.root() + ". 'cache prepare' records one.");
			out.flush();
			return ExitCodes.OK;
		}
		List<List<String>> rows = new ArrayList<>();
		for (StartupCache cache : all) {
			rows.add(List.of(cache.name(), cache.format().description(), (size(cache) >> 20) + " MiB",
					cache.file().toString()));
		}
		out.print(Table.of(List.of("NAME", "FORMAT", "SIZE", "FILE"), rows));
		out.flush();
		return ExitCodes.OK;
	}

	private static long size(StartupCache cache) {
		try {
			return Files.size(cache.file());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
