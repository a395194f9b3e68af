package dev.hangar.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.configurationmetadata.ConfigurationMetadataProperty;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataRepository;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataRepositoryJsonBuilder;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataSource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

/**
 * The configuration keys that the code on the classpath declares, read from the metadata
 * that {@code spring-boot-configuration-processor} writes for every properties class
 * (Hangar's and Spring Boot's alike). It tells a typo from a real key.
 */
public final class KnownKeys {

	private static final String[] METADATA = { "META-INF/spring-configuration-metadata.json",
			"META-INF/additional-spring-configuration-metadata.json" };

	private final ClassLoader classLoader;

	/**
	 * Built on first use: most starts have no key to check, and reading the metadata is a
	 * noticeable part of a start.
	 */
	private volatile @Nullable Index index;

	private KnownKeys(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	/**
	 * The keys that the metadata files {@code classLoader} can see declare; read on first
	 * use.
	 */
	public static KnownKeys fromClasspath(ClassLoader classLoader) {
		return new KnownKeys(classLoader);
	}

	private Index index() {
		Index current = this.index;
		if (current == null) {
			synchronized (this) {
				current = this.index;
				if (current == null) {
					current = new Index(read(this.classLoader));
					this.index = current;
				}
			}
		}
		return current;
	}

	private static ConfigurationMetadataRepository read(ClassLoader classLoader) {
		ConfigurationMetadataRepositoryJsonBuilder builder = ConfigurationMetadataRepositoryJsonBuilder.create();
		try {
			for (String location : METADATA) {
				Enumeration<URL> resources = classLoader.getResources(location);
				for (URL url : Collections.list(resources)) {
					try (InputStream in = url.openStream()) {
						builder.withJsonResource(in);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read configuration metadata", ex);
		}
		return builder.build();
	}

	private static boolean isOpen(String type) {
		if (type == null) {
			return true;
		}
		return type.startsWith("java.util.Map") || type.startsWith("java.util.List") || type.startsWith("java.util.Set")
				|| type.startsWith("java.util.Collection") || type.endsWith("[]");
	}

	private static Set<String> environmentForms(String id) {
		String upper = id.toUpperCase(Locale.ROOT).replace('.', '_');
		return new HashSet<>(List.of(upper.replace("-", ""), upper.replace('-', '_')));
	}

	/**
	 * Whether {@code key}, as written in a file or argument, is declared by some code.
	 */
	public boolean isKnown(String key) {
		if (!ConfigurationPropertyName.isValid(key) && ConfigurationPropertyName.adapt(key, '.').isEmpty()) {
			return false;
		}
		ConfigurationPropertyName name = ConfigurationPropertyName.adapt(key, '.');
		Index index = index();
		if (index.exact.contains(name)) {
			return true;
		}
		for (ConfigurationPropertyName parent : index.open) {
			if (parent.isAncestorOf(name)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether an environment variable, with its scope prefix taken off, sets a declared
	 * key.
	 */
	public boolean isKnownVariable(String strippedName) {
		String name = strippedName.toUpperCase(Locale.ROOT);
		Index index = index();
		if (index.environmentForms.contains(name)) {
			return true;
		}
		return index.openEnvironmentForms.stream().anyMatch(name::startsWith);
	}

	/** The declared key nearest to {@code key}, for a "did you mean" hint. */
	public Optional<String> closest(String key) {
		String target = key.toLowerCase(Locale.ROOT);
		return index().repository.getAllProperties()
			.keySet()
			.stream()
			.map((id) -> Map.entry(id, distance(target, id)))
			.filter((entry) -> entry.getValue() <= Math.max(2, target.length() / 4))
			.min(Comparator.comparingInt(Map.Entry::getValue))
			.map(Map.Entry::getKey);
	}

	/** The properties declared by the given properties classes, sorted by key. */
	public List<ConfigurationMetadataProperty> declaredBy(Collection<Class<?>> types) {
		Set<String> typeNames = new HashSet<>();
		types.forEach((type) -> typeNames.add(type.getName()));
		List<ConfigurationMetadataProperty> result = new ArrayList<>();
		index().repository.getAllGroups().values().forEach((group) -> {
			for (ConfigurationMetadataSource source : group.getSources().values()) {
				if (typeNames.contains(source.getType())) {
					result.addAll(source.getProperties().values());
				}
			}
		});
		result.sort(Comparator.comparing(ConfigurationMetadataProperty::getId));
		return result;
	}

	/** Levenshtein distance; short strings only, so the plain algorithm does. */
	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	/** The metadata, indexed for look-ups. */
	private static final class Index {

		private final ConfigurationMetadataRepository repository;

		private final Set<ConfigurationPropertyName> exact = new HashSet<>();

		/**
		 * Properties of map, collection or unknown nested type: any key beneath them is
		 * theirs.
		 */
		private final List<ConfigurationPropertyName> open = new ArrayList<>();

		private final Set<String> environmentForms = new HashSet<>();

		private final List<String> openEnvironmentForms = new ArrayList<>();

		Index(ConfigurationMetadataRepository repository) {
			this.repository = repository;
			for (ConfigurationMetadataProperty property : repository.getAllProperties().values()) {
				ConfigurationPropertyName name = ConfigurationPropertyName.of(property.getId());
				this.exact.add(name);
				this.environmentForms.addAll(environmentForms(property.getId()));
				if (isOpen(property.getType())) {
					this.open.add(name);
					environmentForms(property.getId()).forEach((form) -> this.openEnvironmentForms.add(form + "_"));
				}
			}
		}

	}

}
