package dev.hangar.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hangar.service.test.FreePorts;
import dev.hangar.service.test.HangarProcess;
import dev.hangar.service.test.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Storage connectors as processes: alone from storage.jar, killed mid-write, added by
 * configuration.
 */
class StorageIT {

	@TempDir
	Path home;

	@Test
	@Tag("hostile-clients")
	void aProcessKilledMidUploadLeavesTheOldContentAndCleansUpAtTheNextStart() throws IOException {
		int port = FreePorts.next();
		Path root = this.home.resolve("data/storage/users");
		try (HangarProcess storage = startStorage(port)) {
			URI base = URI.create("http://127.0.0.1:" + port);
			assertThat(Http.put(base.resolve("/ledger.txt"), "text/plain", "balance: 100").statusCode()).isEqualTo(201);

			try (Socket socket = new Socket("127.0.0.1", port)) {
				OutputStream out = socket.getOutputStream();
				out.write(("PUT /ledger.txt HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000000\r\n\r\n"
						+ "0".repeat(20000))
					.getBytes(StandardCharsets.US_ASCII));
				out.flush();
				await().atMost(Duration.ofSeconds(10)).until(() -> !uploads(root).isEmpty());

				storage.kill();
				storage.awaitExit(Duration.ofSeconds(10));
			}
		}
		assertThat(root.resolve("ledger.txt")).hasContent("balance: 100");
		assertThat(uploads(root)).hasSize(1);

		try (HangarProcess storage = startStorage(port)) {
			assertThat(Http.get(URI.create("http://127.0.0.1:" + port + "/ledger.txt")).body())
				.isEqualTo("balance: 100");
			assertThat(uploads(root)).isEmpty();
		}
	}

	@Test
	void storageJarWithoutAConnectorNameListsTheConnectors() {
		HangarProcess.Result result = HangarProcess.run(Jars.storage(), HangarProcess.environment(this.home),
				this.home.resolve("storage.log"));

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.output()).contains("Connectors: storage-system, storage-users");
	}

	@Test
	void aConnectorAddedByConfigurationRunsInTheRuntimeLikeAnyService() throws IOException {
		int archivePort = FreePorts.next();
		Path archiveRoot = Files.createDirectories(this.home.resolve("archive"));
		Files.writeString(archiveRoot.resolve("old.txt"), "from 2019");
		Files.createDirectories(this.home.resolve("config"));
		Files.writeString(this.home.resolve("config/storage-archive.yaml"),
				"http:\n  port: " + archivePort + "\nroot: " + archiveRoot + "\nread-only: true\n");

		try (RuntimeUnderTest runtime = new RuntimeUnderTest(this.home).thumbnailsPortFromItsOwnVariable().start()) {
			HangarProcess.Result list = runtime.command("list");
			assertThat(list.output()).containsPattern("storage-archive\\s+RUNNING\\s+" + archivePort);
			URI archive = URI.create("http://127.0.0.1:" + archivePort);
			assertThat(Http.get(archive.resolve("/old.txt")).body()).isEqualTo("from 2019");
			assertThat(Http.put(archive.resolve("/new.txt"), "text/plain", "x").statusCode()).isEqualTo(403);
			assertThat(Http.get(runtime.runtime("/actuator/health")).body()).contains("\"storage-archive\":{");
			assertThat(Http.get(runtime.runtime("/actuator/prometheus")).body())
				.contains("service=\"storage-archive\"");
		}
	}

	/**
	 * The connector's port is moved by STORAGE_USERS_HTTP_PORT alone: thumbnails reads it
	 * there too.
	 */
	@Test
	@Tag("hostile-clients")
	void thumbnailsScalesAFileThatStorageUsersHoldsInTheSameRuntimeWhereverItsPortWasMoved() throws IOException {
		RuntimeUnderTest runtime = new RuntimeUnderTest(this.home);
		try (runtime) {
			runtime.start("HANGAR_RUN_SERVICES", "storage-users,thumbnails");
			assertThat(Http
				.send(java.net.http.HttpRequest.newBuilder(runtime.storageUsers("/photos/"))
					.method("MKCOL", java.net.http.HttpRequest.BodyPublishers.noBody())
					.build(), java.net.http.HttpResponse.BodyHandlers.discarding())
				.statusCode()).isEqualTo(201);
			assertThat(Http.put(runtime.storageUsers("/photos/cat.png"), "image/png", RuntimeServerIT.png(300, 150))
				.statusCode()).isEqualTo(201);

			var thumbnail = Http.send(java.net.http.HttpRequest
				.newBuilder(runtime.thumbnails("/thumbnails/storage-users/photos/cat.png?size=60x60"))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());

			assertThat(thumbnail.statusCode()).isEqualTo(200);
			assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(thumbnail.body())).getWidth())
				.isEqualTo(60);
		}
	}

	@Test
	void aConfiguredConnectorWithoutAPortIsRefused() throws IOException {
		Files.createDirectories(this.home.resolve("config"));
		Files.writeString(this.home.resolve("config/storage-archive.yaml"), "read-only: true\n");

		HangarProcess.Result result = HangarProcess.run(Jars.runtime(), HangarProcess.environment(this.home),
				this.home.resolve("server.log"), "server");

		assertThat(result.exitCode()).isEqualTo(78);
		assertThat(result.output()).contains("Connector 'storage-archive'").contains("has no http.port");
	}

	private HangarProcess startStorage(int port) {
		HangarProcess storage = HangarProcess.start(Jars.storage(),
				HangarProcess.environment(this.home, "STORAGE_USERS_HTTP_PORT", String.valueOf(port)),
				this.home.resolve("storage-" + System.nanoTime() + ".log"), "storage-users");
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
			if (!storage.isAlive()) {
				throw new AssertionError("storage.jar exited:\n" + storage.output());
			}
			return Http.isOk(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"));
		});
		return storage;
	}

	private static java.util.List<Path> uploads(Path root) throws IOException {
		Path uploads = root.resolve(".hangar-uploads");
		if (!Files.isDirectory(uploads)) {
			return java.util.List.of();
		}
		try (Stream<Path> files = Files.list(uploads)) {
			return files.toList();
		}
	}

}
