package dev.hangar.service;

/** Where a service's Spring application runs. */
public enum ServiceMode {

	/** Alone in its own JVM: it owns logging, JVM metrics and the shutdown hook. */
	STANDALONE,

	/** One of several services in the runtime's JVM: the runtime owns those. */
	EMBEDDED

}
