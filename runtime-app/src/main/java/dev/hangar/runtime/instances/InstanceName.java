package dev.hangar.runtime.instances;

import java.util.regex.Pattern;

/**
 * The name of an instance: 1 to 32 lowercase letters, digits and dashes, starting and
 * ending with a letter or digit. It becomes a directory name and an environment value, so
 * anything else is refused before any file is touched.
 */
public record InstanceName(String value) {

	public static final Pattern PATTERN = Pattern.compile("[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?");

	public InstanceName {
		if (value == null || !PATTERN.matcher(value).matches()) {
			throw new InvalidInstanceNameException(value);
		}
	}

	@Override
	public String toString() {
		return this.value;
	}

	/** A name that does not match {@link #PATTERN}. */
	public static class InvalidInstanceNameException extends IllegalArgumentException {

		InvalidInstanceNameException(String value) {
			super("Invalid instance name '" + ((value != null) ? value : "")
					+ "': use 1 to 32 lowercase letters, digits "
					+ "and dashes, starting and ending with a letter or digit (e.g. t2, eu-west-1).");
		}

	}

}
