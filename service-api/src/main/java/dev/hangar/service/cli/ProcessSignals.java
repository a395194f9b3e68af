package dev.hangar.service.cli;

import sun.misc.Signal;

/**
 * Makes SIGTERM and SIGINT a clean stop: the JVM runs its shutdown hooks (Spring closes every
 * context, letting in-flight requests finish) and exits 0, where by default it would exit 143 or
 * 130. Service managers and container runtimes read a non-zero exit as a crash.
 */
public final class ProcessSignals {

	private ProcessSignals() {
	}

	public static void exitCleanlyOnTermination() {
		for (String name : new String[] { "TERM", "INT" }) {
			Signal.handle(new Signal(name), (signal) -> {
				Thread exit = new Thread(() -> System.exit(ExitCodes.OK), "hangar-stop-on-SIG" + name);
				exit.start();
			});
		}
	}

}
