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

	/** One line: the most specific message in the chain of causes. */
	public static String summary(Throwable failure) {
		Throwable specific = failure;
		for (Throwable ex = failure; ex != null; ex = ex.getCause()) {
			if (ex instanceof PortInUseException || ex instanceof BindException
					|| ex instanceof InvalidConfigurationException) {
				return ex.getMessage();
			}
			specific = ex;
		}
		return specific.getClass().getSimpleName() + ": " + specific.getMessage();
	}

}
