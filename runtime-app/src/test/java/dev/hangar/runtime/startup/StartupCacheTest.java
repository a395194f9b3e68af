package dev.hangar.runtime.startup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pieces of a startup cache that need no JVM to be started: formats, layouts,
 * workloads.
 */
class StartupCacheTest {

	@Test
	void jdk17To24RecordAnAppCdsArchiveAndJdk25AndLaterAnAotCache() {
		assertThat(CacheFormat.forFeature(17)).isEqualTo(CacheFormat.CDS_ARCHIVE);
		assertThat(CacheFormat.forFeature(24)).isEqualTo(CacheFormat.CDS_ARCHIVE);
		assertThat(CacheFormat.forFeature(25)).isEqualTo(CacheFormat.AOT_CACHE);
		Path file = Path.of("/c/classes.aot");
		assertThat(CacheFormat.AOT_CACHE.recordOption(file)).isEqualTo("-XX:AOTCacheOutput=/c/classes.aot");
		assertThat(CacheFormat.AOT_CACHE.useOption(file)).isEqualTo("-XX:AOTCache=/c/classes.aot");
		assertThat(CacheFormat.CDS_ARCHIVE.isUseOption("-XX:SharedArchiveFile=/c/classes.jsa")).isTrue();
		assertThat(CacheFormat.CDS_ARCHIVE.isUseOption("-XX:ArchiveClassesAtExit=/c/classes.jsa")).isFalse();
	}

	@Test
	void theArgumentFileQuotesEveryOptionSoThatSpacesAndQuotesInPathsSurvive() {
		StartupCache cache = new StartupCache("server", CacheFormat.CDS_ARCHIVE,
				Path.of("/data dir/say \"hi\"/classes.jsa"), Path.of("/data dir/app/runtime.jar"));

		assertThat(cache.argumentFileContent()).isEqualTo("""
				"-XX:SharedArchiveFile=/data dir/say \\"hi\\"/classes.jsa"
				"-jar"
				"/data dir/app/runtime.jar"
				""");
		assertThat(cache.argumentFile()).isEqualTo(Path.of("/data dir/say \"hi\"/java.args"));
	}

	@Test
	void aJdksKeyIsASafeDirectoryNameThatTellsVendorsOfOneVersionApart() {
		JavaRuntime debian = new JavaRuntime(Path.of("/usr/bin/java"), "17.0.15+6-Debian/1", 17,
				Path.of("/usr/lib/jvm/a"));
		JavaRuntime other = new JavaRuntime(Path.of("/opt/bin/java"), "17.0.15+6-Debian/1", 17, Path.of("/opt/jdk"));

		assertThat(debian.key()).matches("jdk-17\\.0\\.15\\+6-Debian_1-[0-9a-f]{8}");
		assertThat(debian.key()).isNotEqualTo(other.key());
	}

	@Test
	void aBootJarIsNotExtractedAndAPlainJarWithAClassPathIs(@TempDir Path dir) throws IOException {
		Path boot = jar(dir.resolve("boot/runtime.jar"), null, "BOOT-INF/", "BOOT-INF/lib/a.jar");
		Files.createDirectories(dir.resolve("app/lib"));
		Files.writeString(dir.resolve("app/lib/a.jar"), "a");
		Path plain = jar(dir.resolve("app/runtime.jar"), "lib/a.jar", "dev/");

		assertThat(ApplicationLayout.of(boot).isExtracted()).isFalse();
		ApplicationLayout extracted = ApplicationLayout.of(plain);
		assertThat(extracted.isExtracted()).isTrue();
		assertThat(extracted.classPath()).containsExactly(plain, dir.resolve("app/lib/a.jar"));
		String digest = extracted.digest();
		Files.writeString(dir.resolve("app/lib/a.jar"), "b");
		assertThat(ApplicationLayout.of(plain).digest()).as("a dependency changed").isNotEqualTo(digest);
	}

	@Test
	void aTrainingRunGetsNoneOfTheUsersConfigurationFromTheEnvironment(@TempDir Path scratch) {
		TrainingWorkload workload = TrainingWorkload.service("thumbnails", List.of("thumbnails", "storage-users"),
				scratch);

		Map<String, String> environment = workload
			.environmentOver(Map.of("PATH", "/bin", "HANGAR_DATA_DIR", "/real/data", "HANGAR_RUNTIME_SECRET", "s",
					"THUMBNAILS_MAX_WIDTH", "9", "STORAGE_USERS_ROOT", "/real", "HOME", "/home/u"));

		assertThat(environment).containsEntry("PATH", "/bin")
			.containsEntry("HOME", "/home/u")
			.containsEntry("HANGAR_DATA_DIR", scratch.resolve("data").toString())
			.containsEntry("HANGAR_CONFIG_DIR", scratch.resolve("config").toString())
			.doesNotContainKeys("HANGAR_RUNTIME_SECRET", "THUMBNAILS_MAX_WIDTH", "STORAGE_USERS_ROOT");
		assertThat(workload.arguments()).startsWith("thumbnails", "server")
			.anyMatch((arg) -> arg.startsWith("--http.port="));
	}

	@Test
	void theServerWorkloadRunsEveryServiceOnItsOwnFreePort(@TempDir Path scratch) {
		TrainingWorkload workload = TrainingWorkload.server(List.of("thumbnails", "storage-users"), scratch);

		assertThat(workload.arguments()).containsExactly("server");
		assertThat(workload.environment()).containsEntry("HANGAR_RUN_SERVICES", "thumbnails,storage-users")
			.containsKeys("HANGAR_RUNTIME_PORT", "THUMBNAILS_HTTP_PORT", "STORAGE_USERS_HTTP_PORT");
		assertThat(workload.environment().get("THUMBNAILS_HTTP_PORT"))
			.isNotEqualTo(workload.environment().get("STORAGE_USERS_HTTP_PORT"));
		assertThat(workload.requests()).hasSize(1 + 2 * 3);
	}

	private static Path jar(Path path, String classPath, String... entries) throws IOException {
		Files.createDirectories(path.getParent());
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		if (classPath != null) {
			manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
		}
		try (OutputStream out = Files.newOutputStream(path); JarOutputStream jar = new JarOutputStream(out, manifest)) {
			for (String entry : entries) {
				jar.putNextEntry(new JarEntry(entry));
				jar.closeEntry();
			}
		}
		return path;
	}

}
