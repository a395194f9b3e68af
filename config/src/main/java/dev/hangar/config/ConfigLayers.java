package dev.hangar.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.Resource;

/**
 * Builds the layers of configuration for each scope from one set of {@link ConfigInputs}.
 * {@code hangar.yaml} is read once and shared by every scope.
 *
 * <p>
 * In {@code hangar.yaml}, a top-level key is global if its name is one of
 * {@link #GLOBAL_NAMES}; any other top-level key is the section of the service of that
 * name. That rule needs no knowledge of which services exist, so a service started alone
 * reads the file exactly as the runtime does.
 */
public final class ConfigLayers {

	/** The file with global keys and one section per service. */
	public static final String HANGAR_FILE = "hangar.yaml";

	/** The prefix of global environment variables. */
	public static final String GLOBAL_PREFIX = "HANGAR";

	/**
	 * Set in the environment of an instance's process to its name: the instance then
	 * reads {@code <service>@<name>.yaml} over {@code <service>.yaml}.
	 */
	public static final String INSTANCE_VARIABLE = "HANGAR_INSTANCE";

	/**
	 * Top-level names of {@code hangar.yaml} that are global keys rather than service
	 * sections.
	 */
	public static final Set<String> GLOBAL_NAMES = Set.of("http", "log", "data-dir", "memory", "runtime",
			"run-services", "add-run-services", "exclude-run-services", "instances", "spring", "server", "management",
			"logging");

	private final ConfigInputs inputs;

	private final ConfigFile hangarFile;

	public ConfigLayers(ConfigInputs inputs) {
		this.inputs = inputs;
		this.hangarFile = ConfigFile.read(inputs.configDir().file(HANGAR_FILE));
	}

	public ConfigInputs inputs() {
		return this.inputs;
	}

	/** The service sections that {@code hangar.yaml} holds. */
	public List<String> sections() {
		return this.hangarFile.topLevelNames().stream().filter((name) -> !GLOBAL_NAMES.contains(name)).toList();
	}

	/**
	 * Every scope the configuration names: the sections of {@code hangar.yaml}, and the
	 * {@code <scope>.yaml} files of the config dir.
	 */
	public Set<String> configuredScopes() {
		Set<String> scopes = new TreeSet<>(sections());
		Path dir = this.inputs.configPath();
		if (Files.isDirectory(dir)) {
			try (Stream<Path> files = Files.list(dir)) {
				files.map((file) -> file.getFileName().toString())
					.filter((name) -> name.endsWith(".yaml") && !name.equals(HANGAR_FILE))
					.map((name) -> name.substring(0, name.length() - ".yaml".length()))
					.filter((name) -> ConfigScope.NAME.matcher(name).matches())
					.forEach(scopes::add);
			}
			catch (IOException ex) {
				throw new InvalidConfigurationException("Cannot list the config dir " + dir + ": " + ex
						+ ". Fix its permissions, or set HANGAR_CONFIG_DIR to another directory.", ex);
			}
		}
		return scopes;
	}

	/** The layers of {@code scope}, highest precedence first. */
	public List<ConfigLayer> layersOf(ConfigScope scope) {
		List<ConfigLayer> layers = new ArrayList<>();
		layers.add(new ConfigLayer(ConfigLayer.Kind.COMMAND_LINE, CommandLinePropertySource.of(this.inputs.arguments()),
				"command line"));
		if (!scope.isRuntime()) {
			layers.add(environmentLayer(ConfigLayer.Kind.SCOPE_ENVIRONMENT, scope.environmentPrefix()));
		}
		layers.add(environmentLayer(ConfigLayer.Kind.GLOBAL_ENVIRONMENT, GLOBAL_PREFIX));
		String instance = this.inputs.environment().get(INSTANCE_VARIABLE);
		if (!scope.isRuntime() && instance != null && !instance.isBlank()) {
			if (!ConfigScope.NAME.matcher(instance).matches() && !instance.matches("[a-z0-9]+")) {
				throw new InvalidConfigurationException("Environment variable " + INSTANCE_VARIABLE + "='" + instance
						+ "' is not an instance name: use lowercase letters, digits and dashes.");
			}
			String fileName = scope.name() + "@" + instance + ".yaml";
			ConfigFile instanceFile = ConfigFile.read(this.inputs.configDir().file(fileName));
			layers
				.add(new ConfigLayer(ConfigLayer.Kind.INSTANCE_FILE, instanceFile.all(fileName), instanceFile.name()));
		}
		if (!scope.isRuntime()) {
			String fileName = scope.fileName();
			ConfigFile scopeFile = ConfigFile.read(this.inputs.configDir().file(fileName));
			layers.add(new ConfigLayer(ConfigLayer.Kind.SCOPE_FILE, scopeFile.all(fileName), scopeFile.name()));
			layers.add(new ConfigLayer(ConfigLayer.Kind.SCOPE_SECTION,
					this.hangarFile.section(HANGAR_FILE + " [" + scope.name() + "]", scope.name()),
					this.hangarFile.name() + ", section '" + scope.name() + "'"));
		}
		layers.add(new ConfigLayer(ConfigLayer.Kind.GLOBAL_FILE,
				this.hangarFile.select(HANGAR_FILE, GLOBAL_NAMES::contains), this.hangarFile.name()));
		Map<String, ConfigEntry> peers = scope.defaults().peers().resolve(new PeerSettings(this));
		if (!peers.isEmpty()) {
			layers.add(new ConfigLayer(ConfigLayer.Kind.PEER_DEFAULTS, peerDefaults(scope, peers),
					"other services' configuration"));
		}
		layers.add(new ConfigLayer(ConfigLayer.Kind.DEFAULTS, defaults(scope), "built-in defaults of " + scope.name()));
		return layers;
	}

	/**
	 * The layers of {@code scope} as property sources, ready for a Spring environment.
	 */
	public MutablePropertySources propertySourcesOf(ConfigScope scope) {
		MutablePropertySources sources = new MutablePropertySources();
		layersOf(scope).forEach((layer) -> sources.addLast(layer.source()));
		return sources;
	}

	private ConfigLayer environmentLayer(ConfigLayer.Kind kind, String prefix) {
		return new ConfigLayer(kind, ScopedEnvironmentPropertySource.of(prefix, this.inputs.environment()),
				prefix + "_* environment variables");
	}

	private static EnumerablePropertySource<?> peerDefaults(ConfigScope scope, Map<String, ConfigEntry> peers) {
		Map<String, Object> values = new LinkedHashMap<>();
		peers.forEach(
				(key, entry) -> values.put(key, OriginTrackedValue.of(entry.value(), new PeerOrigin(entry.origin()))));
		return new OriginTrackedMapPropertySource("peers:" + scope.name(), values, true);
	}

	/**
	 * A default taken from another scope's setting, e.g. "from environment variable
	 * STORAGE_USERS_HTTP_PORT".
	 */
	private record PeerOrigin(String origin) implements Origin {

		@Override
		public String toString() {
			return "derived from " + this.origin;
		}

	}

	private EnumerablePropertySource<?> defaults(ConfigScope scope) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("data-dir", HangarHome.of(this.inputs.environment()).resolve("data").toString());
		for (Resource resource : scope.defaults().resources()) {
			values.putAll(ConfigFile.read(resource).all("defaults").getSource());
		}
		values.putAll(scope.defaults().values());
		return new OriginTrackedMapPropertySource("defaults:" + scope.name(), values, true);
	}

}
