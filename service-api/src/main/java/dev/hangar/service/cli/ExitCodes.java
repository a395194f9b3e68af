package dev.hangar.service.cli;

/** Exit codes of Hangar's commands, following sysexits(3) where one fits. */
public final class ExitCodes {

	public static final int OK = 0;

	/**
	 * A failure at run time: a service did not start, a runtime did not answer, health
	 * not UP.
	 */
	public static final int FAILURE = 1;

	/** The command line itself is wrong. */
	public static final int USAGE = 2;

	/**
	 * Configuration that cannot work (EX_CONFIG): a malformed file, a bad value, an
	 * unknown key.
	 */
	public static final int CONFIG = 78;

	/**
	 * Returned by a command that started a server: the launcher must not exit, the
	 * server's threads keep the JVM alive until it is stopped.
	 */
	public static final int KEEP_RUNNING = -1;

	private ExitCodes() {
	}

}
