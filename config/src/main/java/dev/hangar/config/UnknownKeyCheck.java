package dev.hangar.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * Refuses keys that no code declares, so that a typo such as {@code max-widht} stops
 * start-up instead of passing silently. Keys in a scope's own layers (its section of
 * {@code hangar.yaml}, its own file, the command line) must be known; an unknown
 * {@code <SCOPE>_*} environment variable is only warned about, since another program may
 * share the prefix.
 */
public final class UnknownKeyCheck {

	private final KnownKeys knownKeys;

	private final boolean sharedCommandLine;

	/**
	 * A check for a scope that has the command line to itself (a service alone, the
	 * runtime).
	 */
	public UnknownKeyCheck(KnownKeys knownKeys) {
		this(knownKeys, false);
	}

	/**
	 * @param sharedCommandLine whether the command line is shared by several scopes, as
	 * the runtime's is by every service it runs: its keys are then checked by the
	 * runtime, not by each service
	 */
	public UnknownKeyCheck(KnownKeys knownKeys, boolean sharedCommandLine) {
		this.knownKeys = knownKeys;
		this.sharedCommandLine = sharedCommandLine;
	}

	/**
	 * Checks the layers of {@code scope}.
	 * @param warnings receives a message for each unknown environment variable
	 * @throws InvalidConfigurationException naming every unknown key, where it is, and
	 * the nearest known key
	 */
	public void check(ConfigScope scope, List<ConfigLayer> layers, Consumer<String> warnings) {
		List<String> problems = new ArrayList<>();
		for (ConfigLayer layer : layers) {
			EnumerablePropertySource<?> source = layer.source();
			if (layer.kind() == ConfigLayer.Kind.SCOPE_ENVIRONMENT) {
				for (String name : source.getPropertyNames()) {
					if (!this.knownKeys.isKnownVariable(name)) {
						warnings.accept("Environment variable " + scope.environmentPrefix() + "_" + name
								+ " sets no known key of " + scope.name() + "; it is ignored.");
					}
				}
			}
			else if (isChecked(scope, layer.kind())) {
				for (String key : source.getPropertyNames()) {
					if (!this.knownKeys.isKnown(key)) {
						problems.add(describe(scope, layer, key));
					}
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidConfigurationException("Unknown configuration key" + ((problems.size() > 1) ? "s" : "")
					+ " for " + scope.name() + ":\n  - " + String.join("\n  - ", problems) + "\nCorrect or remove "
					+ ((problems.size() > 1) ? "them" : "it") + "; `runtime.jar config " + scope.name()
					+ "` lists the keys " + scope.name() + " knows.");
		}
	}

	private boolean isChecked(ConfigScope scope, ConfigLayer.Kind kind) {
		if (kind == ConfigLayer.Kind.COMMAND_LINE && this.sharedCommandLine) {
			return false;
		}
		return kind.isScopeOwned() || (scope.isRuntime() && kind == ConfigLayer.Kind.GLOBAL_FILE);
	}

	private String describe(ConfigScope scope, ConfigLayer layer, String key) {
		String where = layer.description();
		if (layer.source() instanceof OriginLookup<?>) {
			@SuppressWarnings("unchecked")
			Origin origin = ((OriginLookup<String>) layer.source()).getOrigin(key);
			if (origin != null) {
				where = origin.toString();
			}
		}
		String shown = (layer.kind() == ConfigLayer.Kind.SCOPE_SECTION) ? scope.name() + "." + key : key;
		String hint = this.knownKeys.closest(key).map((known) -> " Did you mean '" + known + "'?").orElse("");
		return "'" + shown + "' in " + where + "." + hint;
	}

}
