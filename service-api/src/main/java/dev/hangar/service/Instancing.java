package dev.hangar.service;

/** How a service may be run besides once inside the runtime. */
public enum Instancing {

	/**
	 * Runs once, inside the runtime or alone; cannot be instantiated (e.g.
	 * {@code settings}).
	 */
	RUNTIME_ONLY,

	/**
	 * A template: besides its place in the runtime, the runtime can start named instances
	 * of it as separate supervised processes (e.g. {@code thumbnails}).
	 */
	INSTANTIABLE,

	/**
	 * One code run under several names, each with its own configuration, even inside the
	 * runtime (storage connectors: {@code storage-users}, {@code storage-system}).
	 */
	CONNECTOR

}
