package dev.hangar.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * A typo in a service's own configuration stops start-up; keys of other services do not.
 */
class UnknownKeyCheckTest {

	private static final ConfigScope THUMBNAILS = new ConfigScope("thumbnails", ScopeDefaults.none());

	private final UnknownKeyCheck check = new UnknownKeyCheck(KnownKeys.fromClasspath(getClass().getClassLoader()));

	@TempDir
	Path dir;

	@Test
	void aTypoInTheServiceSectionIsAnErrorThatSuggestsTheKey() throws IOException {
		Files.writeString(this.dir.resolve("hangar.yaml"), "thumbnails:\n  max-widht: 5\n");
		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> check(Map.of(), List.of()))
			.withMessageContaining("'thumbnails.max-widht' in ")
			.withMessageContaining("hangar.yaml] - 2:14")
			.withMessageContaining("Did you mean 'max-width'?");
	}

	@Test
	void aTypoInTheServiceFileIsAnError() throws IOException {
		Files.writeString(this.dir.resolve("thumbnails.yaml"), "max-width: 5\nhttp:\n  prot: 1\n");
		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> check(Map.of(), List.of()))
			.withMessageContaining("'http.prot'")
			.withMessageContaining("thumbnails.yaml] - 3:9")
			.withMessageContaining("Did you mean 'http.port'?");
	}

	@Test
	void aTypoOnTheCommandLineIsAnError() {
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> check(Map.of(), List.of("--max-widht=3")))
			.withMessageContaining("command-line argument '--max-widht=3'");
	}

	@Test
	void aSharedCommandLineIsLeftToTheRuntimesCheck() {
		ConfigLayers layers = layers(Map.of(), List.of("--some-other-services-key=3"));
		assertThatNoException()
			.isThrownBy(() -> new UnknownKeyCheck(KnownKeys.fromClasspath(getClass().getClassLoader()), true)
				.check(THUMBNAILS, layers.layersOf(THUMBNAILS), (warning) -> {
				}));
	}

	@Test
	void knownKeysMapEntriesAndSpringBootKeysPass() throws IOException {
		Files.writeString(this.dir.resolve("thumbnails.yaml"),
				"max-width: 5\nlabels:\n  team: a\nlogging:\n  level:\n    org.example: debug\nspring:\n  main:\n    banner-mode: \"off\"\n");
		assertThatNoException().isThrownBy(() -> check(Map.of("THUMBNAILS_MAX_WIDTH", "4"), List.of("--http.port=3")));
	}

	@Test
	void otherServicesSectionsAndGlobalKeysAreNotThisServicesConcern() throws IOException {
		Files.writeString(this.dir.resolve("hangar.yaml"), "settings:\n  whatever: 1\nhttp:\n  host: 0.0.0.0\n");
		assertThatNoException().isThrownBy(() -> check(Map.of("HANGAR_SOMETHING", "x"), List.of()));
	}

	@Test
	void anUnknownServiceVariableIsOnlyAWarning() {
		List<String> warnings = new ArrayList<>();
		ConfigLayers layers = layers(Map.of("THUMBNAILS_MAX_WIDHT", "5"), List.of());
		this.check.check(THUMBNAILS, layers.layersOf(THUMBNAILS), warnings::add);
		assertThat(warnings).singleElement().asString().contains("THUMBNAILS_MAX_WIDHT");
	}

	private void check(Map<String, String> environment, List<String> arguments) {
		ConfigLayers layers = layers(environment, arguments);
		this.check.check(THUMBNAILS, layers.layersOf(THUMBNAILS), (warning) -> {
		});
	}

	private ConfigLayers layers(Map<String, String> environment, List<String> arguments) {
		return new ConfigLayers(new ConfigInputs(new ConfigDirectory(this.dir, "test"), environment, arguments));
	}

}
