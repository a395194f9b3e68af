package dev.hangar.settings;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.hangar.service.test.Http;
import dev.hangar.service.test.ServiceUnderTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings against clients that race, send odd JSON or odd content types. */
@Tag("hostile-clients")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettingsHostileClientsTest {

	@TempDir
	static Path home;

	private ServiceUnderTest service;

	@BeforeAll
	void start() {
		this.service = ServiceUnderTest.start(new SettingsService(), home, "--max-settings-per-user=100");
	}

	@AfterAll
	void stop() {
		this.service.close();
	}

	@Test
	void fourHundredConcurrentWritersAllSucceedAndOneValueWinsPerKey() throws Exception {
		int keys = 40;
		int writersPerKey = 10;
		CountDownLatch go = new CountDownLatch(1);
		Map<String, Set<String>> written = new ConcurrentHashMap<>();
		Map<String, List<Future<Integer>>> statuses = new LinkedHashMap<>();
		ExecutorService writers = Executors.newFixedThreadPool(keys * writersPerKey);
		for (int writer = 0; writer < writersPerKey; writer++) {
			for (int key = 0; key < keys; key++) {
				String name = "key-" + key;
				String value = "{\"writer\":" + writer + "}";
				written.computeIfAbsent(name, (k) -> ConcurrentHashMap.newKeySet()).add(value);
				statuses.computeIfAbsent(name, (k) -> new ArrayList<>()).add(writers.submit(() -> {
					go.await();
					return put("race", name, value).statusCode();
				}));
			}
		}
		go.countDown();
		writers.shutdown();

		for (Map.Entry<String, List<Future<Integer>>> key : statuses.entrySet()) {
			List<Integer> codes = new ArrayList<>();
			for (Future<Integer> status : key.getValue()) {
				codes.add(status.get());
			}
			assertThat(codes).as(key.getKey()).allMatch((code) -> code == 201 || code == 204);
			assertThat(codes).as(key.getKey()).filteredOn((code) -> code == 201).hasSize(1);
			assertThat(written.get(key.getKey()))
				.contains(Http.get(this.service.uri("/users/race/settings/" + key.getKey())).body());
		}
		assertThat(put("race", "key-0", "\"last\"").statusCode()).isEqualTo(204);
		assertThat(Http.get(this.service.uri("/users/race/settings/key-0")).body()).isEqualTo("\"last\"");
	}

	@ParameterizedTest(name = "keeps {0} byte for byte")
	@ValueSource(strings = { "1e999999999", "123456789012345678901234567890.5e10", "1e-999999999", "\"\\ud800\"", "-0",
			"0.10", "{\"b\":1,  \"a\":[ 1.0 ,2 ]}", "\"\\u00e9t\u00e9 \\/ \"" })
	void aValueComesBackExactlyAsItWasSent(String json) {
		assertThat(put("alice", "exact", json).statusCode()).isIn(201, 204);

		HttpResponse<byte[]> read = Http.send(
				HttpRequest.newBuilder(this.service.uri("/users/alice/settings/exact")).build(),
				HttpResponse.BodyHandlers.ofByteArray());

		assertThat(read.body()).isEqualTo(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	@Test
	void aBodyThatIsNotUtf8OrHoldsTwoValuesIsRefused() {
		HttpResponse<String> latin1 = Http.put(this.service.uri("/users/alice/settings/enc"), "application/json",
				new byte[] { '"', (byte) 0xe9, '"' });
		HttpResponse<String> two = put("alice", "two", "1 2");

		assertThat(latin1.statusCode()).isEqualTo(400);
		assertThat(latin1.body()).contains("not UTF-8");
		assertThat(two.statusCode()).isEqualTo(400);
		assertThat(two.body()).contains("more than one JSON value");
		assertThat(Http.get(this.service.uri("/users/alice/settings/enc")).statusCode()).isEqualTo(404);
	}

	@Test
	void aMultipartBodyWithoutABoundaryIsRefusedWithA4xx() {
		HttpResponse<String> response = Http.put(this.service.uri("/users/alice/settings/form"), "multipart/form-data",
				"x");

		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(response.body()).doesNotContain("Exception");
	}

	private HttpResponse<String> put(String user, String key, String json) {
		return Http.put(this.service.uri("/users/" + user + "/settings/" + key), "application/json", json);
	}

}
