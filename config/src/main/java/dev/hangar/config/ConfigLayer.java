package dev.hangar.config;

import org.springframework.core.env.EnumerablePropertySource;

/**
 * One layer of a scope's configuration, with the property source that holds its values.
 *
 * @param kind which layer this is
 * @param source its values, with the keys as the scope sees them
 * @param description where the values come from, for messages (a file, a variable prefix)
 */
public record ConfigLayer(Kind kind, EnumerablePropertySource<?> source, String description) {

	/** The layers, highest precedence first. */
	public enum Kind {

		COMMAND_LINE(true), SCOPE_ENVIRONMENT(true), GLOBAL_ENVIRONMENT(false), INSTANCE_FILE(true), SCOPE_FILE(true),
		SCOPE_SECTION(true), GLOBAL_FILE(false), PEER_DEFAULTS(false), DEFAULTS(false);

		private final boolean scopeOwned;

		Kind(boolean scopeOwned) {
			this.scopeOwned = scopeOwned;
		}

		/**
		 * Whether every key of this layer is meant for the scope alone, so that a key the
		 * scope does not know is a mistake (a typo) rather than a key meant for another
		 * service.
		 */
		public boolean isScopeOwned() {
			return this.scopeOwned;
		}

	}

}
