package dev.hangar.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySourcesPropertyResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every pair of layers, each setting {@code http.port} of the {@code thumbnails} scope:
 * the higher layer wins, for Spring's property resolver and Boot's binder alike, and the
 * origin names it.
 */
class ConfigLayersPrecedenceTest {

	/** The layers, lowest precedence first, as docs/configuration.md lists them. */
	enum Layer {

		BUILT_IN_DEFAULT, HANGAR_YAML_GLOBAL, HANGAR_YAML_SECTION, SERVICE_YAML, HANGAR_ENV, SERVICE_ENV, COMMAND_LINE;

		int port() {
			return 9000 + ordinal();
		}

	}

	@TempDir
	Path configDir;

	static Stream<Arguments> pairs() {
		List<Arguments> pairs = new ArrayList<>();
		Layer[] layers = Layer.values();
		for (int low = 0; low < layers.length; low++) {
			for (int high = low + 1; high < layers.length; high++) {
				pairs.add(Arguments.of(layers[low], layers[high]));
			}
		}
		return pairs.stream();
	}

	@ParameterizedTest(name = "{1} beats {0}")
	@MethodSource("pairs")
	void theHigherLayerWins(Layer lower, Layer higher) throws IOException {
		Map<String, String> environment = new HashMap<>();
		List<String> arguments = new ArrayList<>();
		Map<String, Object> defaults = new HashMap<>();
		StringBuilder hangarYaml = new StringBuilder();
		for (Layer layer : List.of(lower, higher)) {
			int port = layer.port();
			switch (layer) {
				case BUILT_IN_DEFAULT -> defaults.put("http.port", port);
				case HANGAR_YAML_GLOBAL -> hangarYaml.append("http:\n  port: ").append(port).append('\n');
				case HANGAR_YAML_SECTION ->
					hangarYaml.append("thumbnails:\n  http:\n    port: ").append(port).append('\n');
				case SERVICE_YAML ->
					Files.writeString(this.configDir.resolve("thumbnails.yaml"), "http:\n  port: " + port + "\n");
				case HANGAR_ENV -> environment.put("HANGAR_HTTP_PORT", String.valueOf(port));
				case SERVICE_ENV -> environment.put("THUMBNAILS_HTTP_PORT", String.valueOf(port));
				case COMMAND_LINE -> arguments.add("--http.port=" + port);
			}
		}
		if (!hangarYaml.isEmpty()) {
			Files.writeString(this.configDir.resolve("hangar.yaml"), hangarYaml);
		}
		ConfigScope scope = new ConfigScope("thumbnails", new ScopeDefaults(List.of(), defaults));
		ConfigLayers layers = new ConfigLayers(
				new ConfigInputs(new ConfigDirectory(this.configDir, "test"), environment, arguments));
		List<ConfigLayer> scopeLayers = layers.layersOf(scope);
		MutablePropertySources sources = new MutablePropertySources();
		scopeLayers.forEach((layer) -> sources.addLast(layer.source()));

		assertThat(new PropertySourcesPropertyResolver(sources).getProperty("http.port", Integer.class))
			.isEqualTo(higher.port());
		assertThat(new Binder(ConfigurationPropertySources.from(sources)).bind("http.port", Integer.class).get())
			.isEqualTo(higher.port());
		assertThat(EffectiveConfiguration.lookup(scopeLayers, "http.port").origin()).contains(expectedOrigin(higher));
	}

	private static String expectedOrigin(Layer layer) {
		return switch (layer) {
			case BUILT_IN_DEFAULT -> "built-in default";
			case HANGAR_YAML_GLOBAL -> "hangar.yaml] - 2:";
			case HANGAR_YAML_SECTION -> "hangar.yaml] - ";
			case SERVICE_YAML -> "thumbnails.yaml] - 2:";
			case HANGAR_ENV -> "HANGAR_HTTP_PORT";
			case SERVICE_ENV -> "THUMBNAILS_HTTP_PORT";
			case COMMAND_LINE -> "--http.port=" + layer.port();
		};
	}

}
