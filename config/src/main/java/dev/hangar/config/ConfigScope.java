package dev.hangar.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The unit that configuration is resolved for: a service (e.g. {@code thumbnails}) or the
 * runtime itself. Its name is the section in {@code hangar.yaml}, the file
 * {@code <name>.yaml} and the prefix of its environment variables ({@code storage-users}
 * reads {@code STORAGE_USERS_*}).
 *
 * @param name the scope's name: lowercase letters, digits and dashes
 * @param defaults where the scope's built-in defaults come from, lowest precedence of all
 */
public record ConfigScope(String name, ScopeDefaults defaults) {

	/** Names of scopes: they become file names and environment variable prefixes. */
	public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

	/**
	 * The name of the runtime's own scope: it has no section and reads only global keys.
	 */
	public static final String RUNTIME = "runtime";

	public ConfigScope {
		if (!NAME.matcher(name).matches() || name.length() > 40) {
			throw new IllegalArgumentException("Invalid scope name '" + name
					+ "': use lowercase letters, digits and single dashes, starting with a letter, at most 40 characters");
		}
	}

	/**
	 * The prefix of this scope's own environment variables, e.g. {@code STORAGE_USERS}.
	 */
	public String environmentPrefix() {
		return environmentPrefixOf(this.name);
	}

	/** The prefix of the environment variables of the scope named {@code name}. */
	public static String environmentPrefixOf(String name) {
		return name.replace('-', '_').toUpperCase(Locale.ROOT);
	}

	/** The file with this scope's own keys at top level, e.g. {@code thumbnails.yaml}. */
	public String fileName() {
		return this.name + ".yaml";
	}

	public boolean isRuntime() {
		return RUNTIME.equals(this.name);
	}

}
