package dev.hangar.runtime.startup;

/** A startup cache could not be prepared; the message says why and what to look at. */
public class StartupCacheException extends RuntimeException {

	public StartupCacheException(String message) {
		super(message);
	}

	public StartupCacheException(String message, Throwable cause) {
		super(message, cause);
	}

}
