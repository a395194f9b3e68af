package dev.hangar.runtime.server;

/** Where a service of the runtime is in its life. */
public enum ServiceState {

	STARTING, RUNNING, FAILED, STOPPING, STOPPED

}
