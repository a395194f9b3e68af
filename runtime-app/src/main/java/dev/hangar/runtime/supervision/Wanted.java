package dev.hangar.runtime.supervision;

/**
 * What an operator wants of a supervised unit; kept on disk, so it survives a restart of
 * the runtime.
 */
public enum Wanted {

	/** Running; restarted when it exits. */
	UP,

	/** Not running. */
	DOWN,

	/** Run once: not restarted when it exits. */
	ONCE

}
