package dev.hangar.runtime.startup;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * runtime.jar as this JVM was started from it: a Spring Boot executable jar (classes in
 * nested jars, which no JDK cache can hold) or a layout extracted from one (a plain jar
 * with its dependencies on the manifest's class path).
 *
 * @param jar the jar
 * @param classPath the jar and, when extracted, every jar its manifest names
 */
public record ApplicationLayout(Path jar, List<Path> classPath) {

	public ApplicationLayout {
		classPath = List.copyOf(classPath);
	}

	/**
	 * The jar this JVM was started from ({@code java -jar runtime.jar}); not a file when
	 * run from classes.
	 */
	public static Path runningJar() {
		return Path.of(System.getProperty("java.class.path").split(File.pathSeparator)[0]).toAbsolutePath();
	}

	/** The layout {@code jar} belongs to. */
	public static ApplicationLayout of(Path jar) {
		Path absolute = jar.toAbsolutePath().normalize();
		try (JarFile file = new JarFile(absolute.toFile())) {
			List<Path> classPath = new ArrayList<>(List.of(absolute));
			Manifest manifest = file.getManifest();
			String entries = (manifest != null) ? manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH)
					: null;
			if (file.getEntry("BOOT-INF/") == null && entries != null && !entries.isBlank()) {
				for (String entry : entries.trim().split("\\s+")) {
					classPath.add(absolute.resolveSibling(entry).normalize());
				}
			}
			return new ApplicationLayout(absolute, classPath);
		}
		catch (IOException ex) {
			throw new StartupCacheException("Cannot read " + absolute + " as a jar: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Whether this is an extracted layout, which a cache can be recorded with as it is.
	 */
	public boolean isExtracted() {
		return this.classPath.size() > 1;
	}

	/**
	 * A digest of every jar on the class path: a cache is only valid for these exact
	 * jars.
	 */
	public String digest() {
		return Digests.sha256(this.classPath).substring(0, 16);
	}

	/**
	 * The jar to launch for a cache: this one when extracted, else the layout extracted
	 * into {@code directory} (by Spring Boot's own {@code -Djarmode=tools extract}) the
	 * first time.
	 */
	public Path launchableJar(Path directory, JavaRuntime java, Duration timeout) {
		if (isExtracted()) {
			return this.jar;
		}
		Path extracted = directory.resolve(this.jar.getFileName());
		if (Files.isRegularFile(extracted)) {
			return extracted;
		}
		Path partial = directory.resolveSibling(directory.getFileName() + ".partial-" + ProcessHandle.current().pid());
		Path log = null;
		try {
			Files.createDirectories(partial.getParent());
			Scratch.delete(partial);
			log = Files.createTempFile(partial.getParent(), "extract-", ".log");
			Process process = new ProcessBuilder(java.command().toString(), "-Djarmode=tools", "-jar",
					this.jar.toString(), "extract", "--destination", partial.toString())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new StartupCacheException(
						"Extracting " + this.jar + " took longer than " + timeout + "; see " + log);
			}
			if (process.exitValue() != 0) {
				throw new StartupCacheException("Extracting " + this.jar + " failed (exit " + process.exitValue()
						+ "): " + Scratch.tail(log, 10));
			}
			Scratch.publish(partial, directory);
			return extracted;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot extract " + this.jar + " into " + directory, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StartupCacheException("Interrupted while extracting " + this.jar, ex);
		}
		finally {
			Scratch.delete(partial);
			if (log != null) {
				Scratch.delete(log);
			}
		}
	}

}
