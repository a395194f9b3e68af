package dev.hangar.service.cli;

import java.io.PrintWriter;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.web.server.PortInUseException;

import dev.hangar.config.InvalidConfigurationException;

/** Tells what kind of failure stopped a service from starting. */
public final class StartupFailures {

	private StartupFailures() {
	}

	/**
	 * Runs {@code start}, which starts a server, and turns what stops it into a message
	 * on {@code err} and an exit code: {@link ExitCodes#CONFIG} for configuration,
	 * {@link ExitCodes#FAILURE} for the rest, {@link ExitCodes#KEEP_RUNNING} when it
	 * started. A start that a SIGTERM or SIGINT cut short is no failure:
	 * {@link ExitCodes#OK}, and it says so.
	 * @param what what is started, for the message, e.g. {@code thumbnails}
	 */
	public static int startOrReport(PrintWriter err, String what, Runnable start) {
		ProcessSignals signals = ProcessSignals.exitCleanlyOnTermination();
		try {
			start.run();
			signals.started();
			return ExitCodes.KEEP_RUNNING;
		}
		catch (InvalidConfigurationException ex) {
			err.println("Invalid configuration: " + ex.getMessage());
			return ExitCodes.CONFIG;
		}
		catch (RuntimeException ex) {
			Optional<String> signal = signals.received();
			if (signal.isPresent()) {
				err.println(what + " was stopped by " + signal.get() + " while starting.");
				return ExitCodes.OK;
			}
			// Spring Boot has logged its failure analysis already.
			err.println(what + " failed to start: " + summary(ex));
			return exitCode(ex);
		}
	}

	/**
	 * {@link ExitCodes#CONFIG} for configuration errors, else {@link ExitCodes#FAILURE}.
	 */
	public static int exitCode(Throwable failure) {
		return isConfiguration(failure) ? ExitCodes.CONFIG : ExitCodes.FAILURE;
	}

	public static boolean isConfiguration(Throwable failure) {
		for (Throwable ex = failure; ex != null; ex = ex.getCause()) {
			if (ex instanceof BindException || ex instanceof InvalidConfigurationException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The configuration problem, or else the most specific message in the chain of
	 * causes.
	 */
	public static String summary(Throwable failure) {
		var configuration = ConfigurationFailures.describe(failure);
		if (configuration.isPresent()) {
			return configuration.get();
		}
		Throwable specific = failure;
		for (Throwable ex = failure; ex != null; ex = ex.getCause()) {
			if (ex instanceof PortInUseException && ex.getMessage() != null) {
				return ex.getMessage();
			}
			specific = ex;
		}
		return specific.getClass().getSimpleName() + ": " + specific.getMessage();
	}

}
