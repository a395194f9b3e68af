package dev.hangar.runtime.server;

/**
 * A service of the runtime failed to start; the runtime stopped every service it had
 * started.
 */
public class ServiceStartException extends RuntimeException {

	private final String service;

	public ServiceStartException(String service, Throwable cause) {
		super("Service '" + service + "' failed to start", cause);
		this.service = service;
	}

	public String service() {
		return this.service;
	}

}
