package dev.hangar.runtime.cli;

import java.util.Set;

/**
 * Logging for the commands that talk to a runtime or print and exit: Apache Commons
 * Logging's own simple log, warnings and errors to standard error. Spring's classes log
 * through Commons Logging, which would otherwise set up Log4j's API, SLF4J and Logback
 * for a command that logs nothing, a noticeable part of its start (docs/benchmarks.md).
 * The server and the services keep Logback.
 */
public final class ClientLogging {

	private static final Set<String> CLIENT_COMMANDS = Set.of("list", "health", "instance", "version", "completion",
			"init", "help", "-h", "--help", "-V", "--version");

	private ClientLogging() {
	}

	/**
	 * Chooses the simple log for this JVM if {@code args} name a client command; before
	 * anything logs.
	 */
	public static void chooseFor(String[] args) {
		if (args.length > 0 && CLIENT_COMMANDS.contains(args[0])) {
			System.setProperty("org.apache.commons.logging.LogFactory",
					"org.apache.commons.logging.impl.LogFactoryImpl");
			System.setProperty("org.apache.commons.logging.Log", "org.apache.commons.logging.impl.SimpleLog");
			System.setProperty("org.apache.commons.logging.simplelog.defaultlog", "warn");
		}
	}

}
