package dev.hangar.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.configurationmetadata.ConfigurationMetadataProperty;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySourcesPropertyResolver;

/**
 * The effective configuration of a scope: every key it declares or is given, with the
 * value that wins and where that value came from. Secrets are masked.
 */
public final class EffectiveConfiguration {

	private static final Pattern SECRET = Pattern
		.compile(".*(password|secret|token|credential|private-key|api-key|access-key).*");

	private static final String MASK = "******";

	private EffectiveConfiguration() {
	}

	/**
	 * @param layers the scope's layers, highest precedence first
	 * @param declared the keys the scope's properties classes declare, listed even when
	 * unset
	 */
	public static List<ConfigEntry> of(List<ConfigLayer> layers, List<ConfigurationMetadataProperty> declared) {
		Set<String> keys = new LinkedHashSet<>();
		declared.forEach((property) -> keys.add(property.getId()));
		for (ConfigLayer layer : layers) {
			if (layer.kind() == ConfigLayer.Kind.SCOPE_ENVIRONMENT
					|| layer.kind() == ConfigLayer.Kind.GLOBAL_ENVIRONMENT) {
				for (String variable : layer.source().getPropertyNames()) {
					keys.add(keyForVariable(variable, declared));
				}
			}
			else if (layer.kind() != ConfigLayer.Kind.GLOBAL_FILE) {
				keys.addAll(List.of(layer.source().getPropertyNames()));
			}
		}
		PropertySourcesPropertyResolver placeholders = placeholderResolver(layers);
		List<ConfigEntry> entries = new ArrayList<>();
		for (String key : keys.stream().sorted().toList()) {
			ConfigEntry entry = resolve(key, layers, declared);
			if (entry != null) {
				String value = entry.value().contains("${") ? placeholders.resolvePlaceholders(entry.value())
						: entry.value();
				entries.add(new ConfigEntry(entry.key(), value, entry.origin()));
			}
		}
		return entries;
	}

	private static PropertySourcesPropertyResolver placeholderResolver(List<ConfigLayer> layers) {
		MutablePropertySources sources = new MutablePropertySources();
		layers.forEach((layer) -> sources.addLast(layer.source()));
		return new PropertySourcesPropertyResolver(sources);
	}

	/** The value of one key and where it came from, if any layer sets it. */
	public static @Nullable ConfigEntry lookup(List<ConfigLayer> layers, String key) {
		return resolve(key, layers, List.of());
	}

	/**
	 * The value of {@code key} in the highest layer that sets it, unmasked, or null: for
	 * code that needs the value itself (a secret included), not a report of it.
	 */
	public static @Nullable String valueOf(List<ConfigLayer> layers, String key) {
		ConfigurationProperty property = find(key, layers).property();
		return (property != null) ? String.valueOf(property.getValue()) : null;
	}

	private static @Nullable ConfigEntry resolve(String key, List<ConfigLayer> layers,
			List<ConfigurationMetadataProperty> declared) {
		Found found = find(key, layers);
		ConfigurationProperty property = found.property();
		ConfigLayer layer = found.layer();
		if (property != null && layer != null) {
			String origin = (property.getOrigin() != null) ? property.getOrigin().toString() : layer.description();
			if (layer.kind() == ConfigLayer.Kind.DEFAULTS) {
				origin = "built-in default";
			}
			return new ConfigEntry(key, mask(key, String.valueOf(property.getValue())), origin);
		}
		for (ConfigurationMetadataProperty metadata : declared) {
			if (metadata.getId().equals(key)) {
				Object value = metadata.getDefaultValue();
				return new ConfigEntry(key, (value != null) ? mask(key, String.valueOf(value)) : "(not set)",
						"built-in default");
			}
		}
		return null;
	}

	private static Found find(String key, List<ConfigLayer> layers) {
		if (ConfigurationPropertyName.isValid(key)) {
			ConfigurationPropertyName name = ConfigurationPropertyName.of(key);
			for (ConfigLayer layer : layers) {
				ConfigurationPropertySource source = ConfigurationPropertySource.from(layer.source());
				ConfigurationProperty property = (source != null) ? source.getConfigurationProperty(name) : null;
				if (property != null && property.getValue() != null) {
					return new Found(property, layer);
				}
			}
		}
		return new Found(null, null);
	}

	/** Where a key was found: the property and its layer, or neither. */
	private record Found(@Nullable ConfigurationProperty property, @Nullable ConfigLayer layer) {
	}

	private static String keyForVariable(String variable, List<ConfigurationMetadataProperty> declared) {
		String upper = variable.toUpperCase(Locale.ROOT);
		for (ConfigurationMetadataProperty property : declared) {
			String id = property.getId().toUpperCase(Locale.ROOT).replace('.', '_');
			if (upper.equals(id.replace('-', '_')) || upper.equals(id.replace("-", ""))) {
				return property.getId();
			}
		}
		return variable.toLowerCase(Locale.ROOT).replace('_', '.');
	}

	static String mask(String key, String value) {
		return SECRET.matcher(key.toLowerCase(Locale.ROOT)).matches() ? MASK : value;
	}

}
