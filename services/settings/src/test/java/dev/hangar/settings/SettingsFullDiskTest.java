package dev.hangar.settings;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hangar.service.test.Http;
import dev.hangar.service.test.ServiceUnderTest;
import dev.hangar.service.test.SmallDisk;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings on a data dir whose disk fills up: a write is confirmed only once it is on
 * disk, a write that cannot be gets 507 and says why, what was stored stays readable, and
 * the service takes writes again by itself once space returns.
 */
@Tag("hostile-clients")
class SettingsFullDiskTest {

	@TempDir
	Path home;

	@Test
	void aFullDiskRefusesWritesWith507KeepsReadsAndRecoversWhenSpaceReturns() throws IOException {
		try (SmallDisk disk = SmallDisk.mount(this.home.resolve("disk"), 8)) {
			Map<String, String> values = new LinkedHashMap<>();
			Map<String, Integer> statuses = new LinkedHashMap<>();
			try (ServiceUnderTest settings = start(disk)) {
				assertThat(put(settings, "before", "\"kept\"").statusCode()).isEqualTo(201);
				Path filler = disk.fill("filler", 0);

				for (int i = 0; i < 3; i++) {
					String value = "\"" + random(30_000) + "\"";
					HttpResponse<String> response = put(settings, "during-" + i, value);
					values.put("during-" + i, value);
					statuses.put("during-" + i, response.statusCode());
					if (response.statusCode() == 507) {
						assertThat(response.body()).contains("disk").contains("full").contains("nothing was changed");
					}
				}
				assertThat(statuses.values()).allMatch((status) -> status == 201 || status == 507).contains(507);
				assertThat(Http.get(settings.uri("/users/alice/settings/before")).body()).isEqualTo("\"kept\"");
				assertThat(Http.get(settings.uri("/users/alice/settings")).statusCode()).isEqualTo(200);

				Files.delete(filler);
				assertThat(put(settings, "after", "\"space is back\"").statusCode()).isEqualTo(201);
				assertThat(Http.get(settings.uri("/users/alice/settings/after")).body()).isEqualTo("\"space is back\"");
			}
			try (ServiceUnderTest settings = start(disk)) {
				assertThat(Http.get(settings.uri("/users/alice/settings/before")).body()).isEqualTo("\"kept\"");
				assertThat(Http.get(settings.uri("/users/alice/settings/after")).body()).isEqualTo("\"space is back\"");
				statuses.forEach((key, status) -> {
					HttpResponse<String> read = Http.get(settings.uri("/users/alice/settings/" + key));
					if (status == 201) {
						assertThat(read.body()).as("%s, confirmed while the disk was full", key)
							.isEqualTo(values.get(key));
					}
					else {
						assertThat(read.statusCode()).as("%s, refused while the disk was full", key).isEqualTo(404);
					}
				});
			}
		}
	}

	private ServiceUnderTest start(SmallDisk disk) {
		return ServiceUnderTest.start(new SettingsService(), this.home, "--data-dir=" + disk.path());
	}

	private static HttpResponse<String> put(ServiceUnderTest settings, String key, String json) {
		return Http.put(settings.uri("/users/alice/settings/" + key), "application/json", json);
	}

	private static String random(int bytes) {
		byte[] noise = new byte[bytes];
		new Random().nextBytes(noise);
		return HexFormat.of().formatHex(noise);
	}

}
