package dev.hangar.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code config <service>} shows: every value with its origin, secrets masked. */
class EffectiveConfigurationTest {

	@TempDir
	Path dir;

	@Test
	void eachValueSaysWhereItCameFromAndSecretsAreMasked() throws IOException {
		Files.writeString(this.dir.resolve("hangar.yaml"),
				"thumbnails:\n  max-width: 7\n  spring:\n    datasource:\n      password: hunter2\n");
		ConfigScope scope = new ConfigScope("thumbnails",
				new ScopeDefaults(List.of(), Map.of("data-dir", "/d", "store", "${data-dir}/x")));
		ConfigLayers layers = new ConfigLayers(new ConfigInputs(new ConfigDirectory(this.dir, "test"),
				Map.of("THUMBNAILS_HTTP_PORT", "9999", "HANGAR_CONFIG_DIR", "/elsewhere"), List.of()));

		List<ConfigEntry> entries = EffectiveConfiguration.of(layers.layersOf(scope), List.of());

		assertThat(entries)
			.contains(new ConfigEntry("http.port", "9999", "System Environment Property \"THUMBNAILS_HTTP_PORT\""));
		assertThat(entries).filteredOn((entry) -> entry.key().equals("max-width"))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.origin()).endsWith("hangar.yaml] - 2:14"));
		assertThat(entries).filteredOn((entry) -> entry.key().equals("spring.datasource.password"))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.value()).isEqualTo("******"));
		assertThat(entries).contains(new ConfigEntry("store", "/d/x", "built-in default"));
		assertThat(entries).noneMatch((entry) -> entry.key().contains("config"));
	}

}
