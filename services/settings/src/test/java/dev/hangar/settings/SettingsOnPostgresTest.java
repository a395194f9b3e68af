package dev.hangar.settings;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hangar.service.test.Http;
import dev.hangar.service.test.ServiceUnderTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The settings service on PostgreSQL, chosen by configuration alone (a JDBC URL), against
 * a real server this test starts. CI installs PostgreSQL; without it, the test is skipped
 * and says why.
 */
class SettingsOnPostgresTest {

	static PostgresServer postgres;

	@BeforeAll
	static void startPostgres(@TempDir Path dir) throws Exception {
		var bin = PostgresServer.installedBin();
		assumeThat(bin).as("PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)")
			.isPresent();
		postgres = PostgresServer.start(bin.get(), dir);
	}

	@AfterAll
	static void stopPostgres() throws Exception {
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void storesValuesInPostgresAndKeepsThemAcrossARestart(@TempDir Path home) {
		String[] configuration = { "--spring.datasource.url=" + postgres.jdbcUrl(),
				"--spring.datasource.username=hangar" };
		try (ServiceUnderTest service = ServiceUnderTest.start(new SettingsService(), home, configuration)) {
			assertThat(Http.put(service.uri("/users/alice/settings/theme"), "application/json", "{\"mode\":\"dark\"}")
				.statusCode()).isEqualTo(201);
			assertThat(Http.put(service.uri("/users/alice/settings/theme"), "application/json", "{\"mode\":\"light\"}")
				.statusCode()).isEqualTo(204);
			assertThat(Http.get(service.uri("/actuator/health")).body()).contains("\"database\":\"PostgreSQL\"");
		}
		try (ServiceUnderTest service = ServiceUnderTest.start(new SettingsService(), home, configuration)) {
			assertThat(Http.get(service.uri("/users/alice/settings/theme")).body()).isEqualTo("{\"mode\":\"light\"}");
			assertThat(Http.get(service.uri("/users/alice/settings")).body()).contains("\"keys\":[\"theme\"]");
		}
	}

}
