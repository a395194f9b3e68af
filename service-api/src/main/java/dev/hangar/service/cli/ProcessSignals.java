package dev.hangar.service.cli;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import sun.misc.Signal;

/**
 * Makes SIGTERM and SIGINT a clean stop: the JVM runs its shutdown hooks (Spring closes
 * every context, letting in-flight requests finish) and exits 0, where by default it
 * would exit 143 or 130. Service managers and container runtimes read a non-zero exit as
 * a crash. A signal that comes while the server is still starting stops what has started,
 * and says so.
 */
public final class ProcessSignals {

	private static final Log logger = LogFactory.getLog(ProcessSignals.class);

	private volatile boolean started;

	private volatile @Nullable String received;

	private ProcessSignals() {
	}

	/**
	 * Handles SIGTERM and SIGINT from now on; the result is told when the server has
	 * started.
	 */
	public static ProcessSignals exitCleanlyOnTermination() {
		ProcessSignals signals = new ProcessSignals();
		for (String name : new String[] { "TERM", "INT" }) {
			Signal.handle(new Signal(name), (signal) -> signals.stop("SIG" + name));
		}
		return signals;
	}

	/** The server has started: a signal from now on is an ordinary stop. */
	public void started() {
		this.started = true;
	}

	/** The signal that stopped the process, if one did. */
	public Optional<String> received() {
		return Optional.ofNullable(this.received);
	}

	private void stop(String signal) {
		this.received = signal;
		if (this.started) {
			logger.info("Stopping on " + signal);
		}
		else {
			// Logging may not be set up yet this early: straight to the process's error
			// output.
			System.err.println(
					"Stopped by " + signal + " while starting: what had started is stopped, and the process exits 0.");
		}
		Thread exit = new Thread(() -> System.exit(ExitCodes.OK), "hangar-stop-on-" + signal);
		exit.start();
	}

}
