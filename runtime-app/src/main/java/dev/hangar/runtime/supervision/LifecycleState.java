package dev.hangar.runtime.supervision;

/** Where a unit supervised by a {@link Lifecycle} is. */
public enum LifecycleState {

	/** Not running, and not to be started. */
	DOWN,

	/** Started, not yet ready. */
	STARTING,

	/** Running and ready. */
	UP,

	/** Asked to stop; not yet stopped. */
	STOPPING,

	/** Stopped on its own too soon; to be started again after a wait. */
	BACKOFF,

	/**
	 * Stopped on its own too soon too many times in a row; left down until an operator
	 * acts.
	 */
	FAILED

}
