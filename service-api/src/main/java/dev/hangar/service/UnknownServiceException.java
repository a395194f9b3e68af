package dev.hangar.service;

import java.util.List;

/** A service name that no service on the classpath has. */
public class UnknownServiceException extends IllegalArgumentException {

	public UnknownServiceException(String name, String source, List<String> known) {
		super("Unknown service '" + name + "' in " + source + ". Known services: " + String.join(", ", known) + ".");
	}

}
