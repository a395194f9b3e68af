package dev.hangar.service.cli;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.web.server.PortInUseException;

import dev.hangar.config.InvalidConfigurationException;

/** Tells what kind of failure stopped a service from starting. */
public final class StartupFailures {

	private StartupFailures() {
	}

	/** {@link ExitCodes#CONFIG} for configuration errors, else {@link ExitCodes#FAILURE}. */
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

	/** The configuration problem, or else the most specific message in the chain of causes. */
	public static String summary(Throwable failure) {
		var configuration = ConfigurationFailures.describe(failure);
		if (configuration.isPresent()) {
			return configuration.get();
		}
		Throwable specific = failure;
		for (Throwable ex = failure; ex != null; ex = ex.getCause()) {
			if (ex instanceof PortInUseException) {
				return ex.getMessage();
			}
			specific = ex;
		}
		return specific.getClass().getSimpleName() + ": " + specific.getMessage();
	}

}
