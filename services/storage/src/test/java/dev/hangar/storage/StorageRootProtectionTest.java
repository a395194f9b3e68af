package dev.hangar.storage;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.hangar.service.test.RawHttp;
import dev.hangar.service.test.ServiceUnderTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The root of a storage space is never deleted, replaced, moved or copied onto, whatever
 * the method, the spelling of the path or Destination, Depth and Overwrite: 403 before
 * anything is touched, and every file still on disk afterwards.
 */
@Tag("hostile-clients")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StorageRootProtectionTest {

	@TempDir
	static Path home;

	private ServiceUnderTest storage;

	private URI base;

	private Path root;

	private Map<String, String> before;

	@BeforeAll
	void start() {
		this.storage = ServiceUnderTest.start(new StorageConnector().connector("storage-users", 0), home);
		this.base = this.storage.uri("");
		this.root = home.resolve("data/storage/users");
	}

	@AfterAll
	void stop() {
		this.storage.close();
	}

	@BeforeEach
	void fill() throws IOException {
		Files.writeString(this.root.resolve("keep.txt"), "keep");
		Files.createDirectories(this.root.resolve("docs/sub"));
		Files.writeString(this.root.resolve("docs/a.txt"), "a");
		Files.writeString(this.root.resolve("docs/sub/b.txt"), "b");
		this.before = tree();
	}

	@Test
	void deletingTheRootIsRefusedInEverySpelling() throws IOException {
		for (String path : rootSpellings()) {
			for (String depth : List.of("", "Depth: infinity", "Depth: 0", "Depth: 1")) {
				assertRefusedAndNothingTouched("DELETE", path, headers(depth));
			}
		}
	}

	@Test
	void replacingTheRootWithAnUploadIsRefused() throws IOException {
		for (String path : rootSpellings()) {
			RawHttp.Response response = RawHttp.send(this.base, "PUT", path, "x");
			assertThat(response.status()).as("PUT %s", path).isEqualTo(403);
			assertThat(tree()).isEqualTo(this.before);
		}
	}

	@Test
	void movingTheRootAnywhereIsRefused() throws IOException {
		for (String path : rootSpellings()) {
			assertRefusedAndNothingTouched("MOVE", path, headers("Destination: /elsewhere"));
		}
	}

	@Test
	void copyingOrMovingAFileOrFolderOntoTheRootIsRefusedInEverySpelling() throws IOException {
		for (String method : List.of("COPY", "MOVE")) {
			for (String source : List.of("/keep.txt", "/docs", "/docs/")) {
				for (String destination : destinationSpellings()) {
					for (String overwrite : List.of("", "Overwrite: T", "Overwrite: F")) {
						for (String depth : List.of("", "Depth: 0", "Depth: infinity")) {
							assertRefusedAndNothingTouched(method, source,
									headers("Destination: " + destination, overwrite, depth));
						}
					}
				}
			}
		}
	}

	@Test
	void aFolderIsNeverCopiedOrMovedOntoItsOwnParentOrIntoItself() throws IOException {
		for (String method : List.of("COPY", "MOVE")) {
			for (String[] pair : List.of(new String[] { "/docs/sub", "/docs" }, new String[] { "/docs/sub/", "/docs/" },
					new String[] { "/docs/sub", "/docs%2F" }, new String[] { "/docs", "/docs/sub/inner" },
					new String[] { "/docs", "/docs/" }, new String[] { "/docs/sub", "/docs/sub/../" })) {
				RawHttp.Response response = RawHttp.send(this.base, method, pair[0], "", "Destination: " + pair[1],
						"Overwrite: T");
				assertThat(response.status()).as("%s %s onto %s", method, pair[0], pair[1]).isIn(400, 403);
				assertThat(tree()).as("the space after %s %s onto %s", method, pair[0], pair[1]).isEqualTo(this.before);
			}
		}
	}

	@Test
	void theRefusalSaysWhatToDo() {
		RawHttp.Response response = RawHttp.send(this.base, "COPY", "/keep.txt", "", "Destination: /");

		assertThat(response.body()).contains("root of the storage space").contains("name a Destination inside it");
	}

	@Test
	void theConnectorsOwnFoldersCannotBeNamed() throws IOException {
		for (String path : List.of("/.hangar-uploads", "/.hangar-uploads/", "/.hangar-uploads/x",
				"/%2ehangar-uploads/x")) {
			for (String method : List.of("GET", "PUT", "DELETE", "MKCOL", "PROPFIND", "PROPPATCH")) {
				RawHttp.Response response = RawHttp.send(this.base, method, path, "");
				assertThat(response.status()).as("%s %s", method, path).isEqualTo(403);
			}
			RawHttp.Response copy = RawHttp.send(this.base, "COPY", "/keep.txt", "", "Destination: " + path);
			assertThat(copy.status()).as("COPY onto %s", path).isEqualTo(403);
		}
		assertThat(tree()).isEqualTo(this.before);
	}

	@Test
	void copyingAndMovingInsideTheSpaceStillWork() throws IOException {
		assertThat(RawHttp.send(this.base, "COPY", "/docs/", "", "Destination: /docs-copy/").status()).isEqualTo(201);
		assertThat(RawHttp.send(this.base, "MOVE", "/keep.txt", "", "Destination: " + this.base + "/docs-copy/kept.txt")
			.status()).isEqualTo(201);
		assertThat(RawHttp.send(this.base, "DELETE", "/docs", "").status()).isEqualTo(204);

		assertThat(this.root.resolve("docs-copy/sub/b.txt")).hasContent("b");
		assertThat(this.root.resolve("docs-copy/kept.txt")).hasContent("keep");
		assertThat(this.root.resolve("docs")).doesNotExist();
		clean();
	}

	private void assertRefusedAndNothingTouched(String method, String path, String[] headers) throws IOException {
		RawHttp.Response response = RawHttp.send(this.base, method, path, "", headers);
		assertThat(response.status()).as("%s %s %s", method, path, String.join(", ", headers)).isEqualTo(403);
		assertThat(tree()).as("the space after %s %s %s", method, path, String.join(", ", headers))
			.isEqualTo(this.before);
	}

	private static List<String> rootSpellings() {
		return List.of("/", "//", "/.", "/./", "/%2e", "/%2E/", "/docs/..", "/docs/../", "/docs/%2e%2e", "///.//");
	}

	private List<String> destinationSpellings() {
		String host = "http://127.0.0.1:" + this.base.getPort();
		return List.of("/", "//", "/.", "/./", "%2F", "/%2F", "/%2e", "/docs/..", "/docs/%2e%2e/", host, host + "/",
				host + "//", host + "/.", host + "/%2F", "http://localhost:" + this.base.getPort() + "/");
	}

	private static String[] headers(String... lines) {
		return Stream.of(lines).filter((line) -> !line.isEmpty()).toArray(String[]::new);
	}

	/** Every file and folder of the space, with each file's content. */
	private Map<String, String> tree() throws IOException {
		Map<String, String> tree = new TreeMap<>();
		try (Stream<Path> paths = Files.walk(this.root)) {
			for (Path path : paths.toList()) {
				String name = this.root.relativize(path).toString();
				tree.put(name, Files.isDirectory(path) ? "<dir>" : Files.readString(path));
			}
		}
		return tree;
	}

	private void clean() throws IOException {
		List<Path> paths = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(this.root)) {
			walk.filter((path) -> !path.equals(this.root) && !path.startsWith(this.root.resolve(".hangar-uploads")))
				.forEach(paths::add);
		}
		paths.sort((a, b) -> b.getNameCount() - a.getNameCount());
		for (Path path : paths) {
			Files.deleteIfExists(path);
		}
	}

}
