package dev.hangar.runtime.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import dev.hangar.runtime.startup.StartupCache;
import dev.hangar.runtime.startup.StartupCacheException;
import dev.hangar.runtime.startup.StartupCaches;
import dev.hangar.runtime.startup.TrainingWorkload;
import dev.hangar.service.ServiceCatalog;
import dev.hangar.service.cli.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code cache prepare}: makes sure a startup cache exists for each name, recording it
 * with a training run when it does not, and prints its java argument file. Quick when it
 * exists.
 */
@Command(name = "prepare", description = "Make sure a startup cache exists (a training run records it if not) "
		+ "and print its java argument file.")
final class CachePrepareCommand implements Callable<Integer> {

	private final ServiceCatalog catalog;

	@CommandLine.Parameters(paramLabel = "NAME", arity = "0..*",
			description = "'server' (the default: the runtime with every service) or a service, as its instances run it.")
	private List<String> names = new ArrayList<>(List.of(TrainingWorkload.SERVER));

	@CommandLine.Option(names = "--timeout", defaultValue = StartupCaches.DEFAULT_TRAINING_TIMEOUT,
			converter = DurationConverter.class,
			description = "How long a training run may take (default ${DEFAULT-VALUE}).")
	private Duration timeout;

	@CommandLine.Unmatched
	private List<String> configuration = new ArrayList<>();

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	CachePrepareCommand(ServiceCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		for (String name : this.names) {
			if (!TrainingWorkload.SERVER.equals(name) && this.catalog.find(name).isEmpty()) {
				err.println("Unknown cache '" + name + "': use 'server' or a service ("
						+ String.join(", ", this.catalog.names()) + ").");
				return ExitCodes.USAGE;
			}
		}
		StartupCaches caches = CacheLocation.of(this.configuration, this.timeout);
		// Built-in services only: the scratch configuration of a training run defines no
		// further connectors.
		List<String> builtIn = ServiceCatalog.load(getClass().getClassLoader()).names();
		for (String name : this.names) {
			if (caches.find(name).isEmpty()) {
				err.println("Recording a startup cache for '" + name + "' (" + caches.java().cacheFormat().description()
						+ ", Java " + caches.java().version() + ") with a training run...");
			}
			long start = System.nanoTime();
			StartupCache cache;
			try {
				cache = caches.prepare(name, (scratch) -> TrainingWorkload.SERVER.equals(name)
						? TrainingWorkload.server(builtIn, scratch) : TrainingWorkload.service(name, builtIn, scratch));
			}
			catch (StartupCacheException ex) {
				err.println(ex.getMessage());
				err.println("No startup cache for '" + name + "'; runtime.jar still starts without one.");
				return ExitCodes.FAILURE;
			}
			long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
			err.println("Startup cache for '" + name + "': " + cache.file() + " (" + millis + " ms)");
			out.println(cache.argumentFile());
		}
		out.flush();
		return ExitCodes.OK;
	}

}
