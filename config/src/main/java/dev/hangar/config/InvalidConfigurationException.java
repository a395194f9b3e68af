package dev.hangar.config;

/**
 * Configuration that Hangar refuses to start with. The message names the key or file,
 * where it came from, what is allowed and how to fix it; it is meant to be shown to the
 * user as is.
 */
public class InvalidConfigurationException extends RuntimeException {

	public InvalidConfigurationException(String message) {
		super(message);
	}

	public InvalidConfigurationException(String message, Throwable cause) {
		super(message, cause);
	}

}
