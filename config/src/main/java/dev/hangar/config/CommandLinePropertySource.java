package dev.hangar.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginTrackedValue;

/**
 * Turns {@code --key=value} arguments into an origin-tracked property source. Spring's
 * own command-line source keeps no origin; this one says which argument a value came
 * from.
 */
final class CommandLinePropertySource {

	static final String NAME = "commandLineArgs";

	private CommandLinePropertySource() {
	}

	static OriginTrackedMapPropertySource of(List<String> arguments) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (String argument : arguments) {
			if (!argument.startsWith("--") || argument.length() == 2) {
				throw new InvalidConfigurationException("Command-line argument '" + argument
						+ "' is not an option: write configuration as --key=value, e.g. --http.port=9185");
			}
			int equals = argument.indexOf('=');
			String key = (equals > 0) ? argument.substring(2, equals) : argument.substring(2);
			String value = (equals > 0) ? argument.substring(equals + 1) : "";
			values.put(key, OriginTrackedValue.of(value, new ArgumentOrigin(argument)));
		}
		return new OriginTrackedMapPropertySource(NAME, values, true);
	}

	private record ArgumentOrigin(String argument) implements Origin {

		@Override
		public String toString() {
			return "command-line argument '" + this.argument + "'";
		}

	}

}
