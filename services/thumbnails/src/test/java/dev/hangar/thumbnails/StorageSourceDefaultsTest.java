package dev.hangar.thumbnails;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hangar.config.ConfigDirectory;
import dev.hangar.config.ConfigEntry;
import dev.hangar.config.ConfigInputs;
import dev.hangar.config.ConfigLayers;
import dev.hangar.config.EffectiveConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thumbnails finds each storage connector where the connector's own configuration puts
 * it.
 */
class StorageSourceDefaultsTest {

	@TempDir
	Path config;

	private final Map<String, String> environment = new HashMap<>();

	@Test
	void aConnectorWithNothingSetIsAtItsBuiltInAddress() {
		assertThat(source("storage-users"))
			.isEqualTo(new ConfigEntry("storage.sources.storage-users", "http://127.0.0.1:9158", "built-in default"));
	}

	@Test
	@Tag("hostile-clients")
	void aPortMovedByTheConnectorsOwnVariableMovesTheSource() {
		this.environment.put("STORAGE_USERS_HTTP_PORT", "9300");

		ConfigEntry source = source("storage-users");

		assertThat(source.value()).isEqualTo("http://127.0.0.1:9300");
		assertThat(source.origin()).isEqualTo("derived from System Environment Property \"STORAGE_USERS_HTTP_PORT\"");
		assertThat(source("storage-system").value()).isEqualTo("http://127.0.0.1:9215");
	}

	@Test
	void aPortOrHostInTheConnectorsFileOrSectionMovesTheSource() throws IOException {
		Files.writeString(this.config.resolve("storage-system.yaml"), "http:\n  port: 9400\n  host: 0.0.0.0\n");
		Files.writeString(this.config.resolve("hangar.yaml"), "http:\n  host: 10.0.0.5\n");

		assertThat(source("storage-system").value()).isEqualTo("http://127.0.0.1:9400");
		assertThat(source("storage-users").value()).isEqualTo("http://10.0.0.5:9158");
	}

	@Test
	void aConnectorAddedByConfigurationIsASource() throws IOException {
		Files.writeString(this.config.resolve("storage-archive.yaml"), "http:\n  port: 9230\nroot: /srv/archive\n");

		assertThat(source("storage-archive").value()).isEqualTo("http://127.0.0.1:9230");
	}

	@Test
	void aSourceSetInThumbnailsOwnConfigurationWins() throws IOException {
		this.environment.put("STORAGE_USERS_HTTP_PORT", "9300");
		Files.writeString(this.config.resolve("thumbnails.yaml"),
				"storage:\n  sources:\n    storage-users: http://files.example:8080\n");

		assertThat(source("storage-users").value()).isEqualTo("http://files.example:8080");
	}

	private ConfigEntry source(String connector) {
		ConfigLayers layers = new ConfigLayers(
				new ConfigInputs(new ConfigDirectory(this.config, "test"), this.environment, List.of()));
		return EffectiveConfiguration.lookup(layers.layersOf(new ThumbnailsService().scope()),
				"storage.sources." + connector);
	}

}
