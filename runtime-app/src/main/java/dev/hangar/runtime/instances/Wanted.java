package dev.hangar.runtime.instances;

/** What an operator wants of an instance; kept on disk, so it survives a restart of the runtime. */
public enum Wanted {

	/** Running; restarted when it exits. */
	UP,

	/** Not running. */
	DOWN,

	/** Run once: not restarted when it exits. */
	ONCE

}
