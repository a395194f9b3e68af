package dev.hangar.settings;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.hangar.service.test.Http;
import dev.hangar.service.test.ServiceUnderTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings service over real HTTP, on its embedded database under a temporary data
 * dir.
 */
class SettingsServiceTest {

	@TempDir
	Path home;

	ServiceUnderTest service;

	@BeforeEach
	void start() {
		this.service = start(this.home);
	}

	@AfterEach
	void stop() {
		this.service.close();
	}

	private static ServiceUnderTest start(Path home) {
		return ServiceUnderTest.start(new SettingsService(), home, "--max-value-size=1KB", "--max-settings-per-user=3");
	}

	@Test
	void storesReturnsListsAndDeletesAUsersJsonValues() {
		assertThat(put("alice", "theme", "{\"mode\": \"dark\", \"size\": 12}").statusCode()).isEqualTo(201);
		assertThat(put("alice", "lang", "\"fr\"").statusCode()).isEqualTo(201);

		HttpResponse<String> theme = Http.get(this.service.uri("/users/alice/settings/theme"));
		assertThat(theme.statusCode()).isEqualTo(200);
		assertThat(theme.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(theme.body()).isEqualTo("{\"mode\": \"dark\", \"size\": 12}");
		assertThat(Http.get(this.service.uri("/users/alice/settings")).body())
			.contains("\"keys\":[\"lang\",\"theme\"]");
		assertThat(Http.get(this.service.uri("/users/bob/settings")).body()).contains("\"keys\":[]");

		assertThat(Http.delete(this.service.uri("/users/alice/settings/theme")).statusCode()).isEqualTo(204);
		assertThat(Http.get(this.service.uri("/users/alice/settings/theme")).statusCode()).isEqualTo(404);
		assertThat(Http.delete(this.service.uri("/users/alice/settings/theme")).statusCode()).isEqualTo(404);
	}

	@Test
	void replacingAValueAnswers204() {
		put("alice", "theme", "1");

		assertThat(put("alice", "theme", "2").statusCode()).isEqualTo(204);
		assertThat(Http.get(this.service.uri("/users/alice/settings/theme")).body()).isEqualTo("2");
	}

	@Test
	void valuesSurviveARestartInTheDataDir() {
		put("alice", "theme", "{\"mode\":\"dark\"}");
		this.service.close();

		this.service = start(this.home);

		assertThat(Http.get(this.service.uri("/users/alice/settings/theme")).body()).isEqualTo("{\"mode\":\"dark\"}");
		assertThat(Files.exists(this.home.resolve("data/settings/settings.mv.db"))).isTrue();
	}

	@Test
	void refusesWhatIsNotJson() {
		HttpResponse<String> response = put("alice", "theme", "{mode: dark");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("not valid JSON");
		assertThat(Http.get(this.service.uri("/users/alice/settings/theme")).statusCode()).isEqualTo(404);
	}

	@Test
	@Tag("hostile-clients")
	void refusesAValueOverTheSizeLimit() {
		HttpResponse<String> response = put("alice", "theme", "\"" + "x".repeat(2000) + "\"");

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("max-value-size");
	}

	@Test
	void refusesMoreSettingsThanTheLimitAndKeepsTheOthers() {
		put("alice", "a", "1");
		put("alice", "b", "2");
		put("alice", "c", "3");

		HttpResponse<String> response = put("alice", "d", "4");

		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(response.body()).contains("max-settings-per-user");
		assertThat(Http.get(this.service.uri("/users/alice/settings")).body()).contains("[\"a\",\"b\",\"c\"]");
	}

	@Test
	void refusesAValueNotDeclaredAsJson() {
		assertThat(Http.put(this.service.uri("/users/alice/settings/theme"), "text/plain", "1").statusCode())
			.isEqualTo(415);
	}

	@ParameterizedTest(name = "refuses the name {0}")
	@ValueSource(strings = { "..", ".hidden", "a%20b",
			"a12345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678",
			"%2e%2e", "a;b" })
	@Tag("hostile-clients")
	void refusesNamesOutsideThePattern(String name) {
		assertThat(put(name, "theme", "1").statusCode()).isEqualTo(400);
		assertThat(put("alice", name, "1").statusCode()).isEqualTo(400);
	}

	@Test
	void itsHealthIncludesItsDatabase() {
		HttpResponse<String> response = Http.get(this.service.uri("/actuator/health"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"db\":{\"details\":{\"database\":\"H2\"");
	}

	private HttpResponse<String> put(String user, String key, String json) {
		return Http.put(this.service.uri("/users/" + user + "/settings/" + key), "application/json", json);
	}

}
