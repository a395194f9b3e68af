package dev.hangar.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Reading configuration files: what is accepted, and how a broken file is reported. */
class ConfigFileTest {

	@TempDir
	Path dir;

	@Test
	void aMissingFileIsEmptyConfiguration() {
		assertThat(ConfigFile.read(this.dir.resolve("hangar.yaml")).isEmpty()).isTrue();
	}

	@Test
	void malformedYamlIsReportedWithFileLineAndColumn() throws IOException {
		Path file = Files.writeString(this.dir.resolve("hangar.yaml"), "http:\n  port: 1\n thumbnails: [\n");
		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> ConfigFile.read(file))
			.withMessageContaining("Malformed YAML at " + file + ":3:2")
			.withMessageContaining("Fix the file");
	}

	@Test
	void aDuplicateKeyIsMalformed() throws IOException {
		Path file = Files.writeString(this.dir.resolve("thumbnails.yaml"), "max-width: 1\nmax-width: 2\n");
		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> ConfigFile.read(file))
			.withMessageContaining(file + ":2");
	}

	@Test
	void severalDocumentsAreRefused() throws IOException {
		Path file = Files.writeString(this.dir.resolve("hangar.yaml"), "a: 1\n---\nb: 2\n");
		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> ConfigFile.read(file))
			.withMessageContaining("2 YAML documents");
	}

	@Test
	void aServiceSectionMustBeAMapping() throws IOException {
		Files.writeString(this.dir.resolve("hangar.yaml"), "thumbnails: 5\n");
		ConfigLayers layers = new ConfigLayers(
				new ConfigInputs(new ConfigDirectory(this.dir, "test"), Map.of(), List.of()));
		ConfigScope scope = new ConfigScope("thumbnails", ScopeDefaults.none());
		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> layers.layersOf(scope))
			.withMessageContaining("'thumbnails' in ")
			.withMessageContaining("hangar.yaml] - 1:13")
			.withMessageContaining("must be a mapping");
	}

	@Test
	void globalKeysAndSectionsAreToldApartByName() throws IOException {
		Files.writeString(this.dir.resolve("hangar.yaml"),
				"http:\n  host: 0.0.0.0\nthumbnails:\n  max-width: 3\nsettings:\n  a: 1\n");
		ConfigLayers layers = new ConfigLayers(
				new ConfigInputs(new ConfigDirectory(this.dir, "test"), Map.of(), List.of()));
		assertThat(layers.sections()).containsExactly("thumbnails", "settings");
	}

	@Test
	void anArgumentThatIsNotAnOptionIsRefused() {
		ConfigLayers layers = new ConfigLayers(
				new ConfigInputs(new ConfigDirectory(this.dir, "test"), Map.of(), List.of("max-width=3")));
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> layers.layersOf(new ConfigScope("thumbnails", ScopeDefaults.none())))
			.withMessageContaining("'max-width=3' is not an option")
			.withMessageContaining("--key=value");
	}

}
