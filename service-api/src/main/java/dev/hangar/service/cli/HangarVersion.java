package dev.hangar.service.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/**
 * Hangar's version, the commit it was built from and when, as the build wrote them into
 * the jar ({@code META-INF/build-info.properties} by Spring Boot's build-info goal,
 * {@code git.properties} by the git-commit-id plugin): the same files that
 * {@code /actuator/info} shows. Read without Spring, so that {@code version} starts
 * quickly.
 */
public final class HangarVersion implements IVersionProvider {

	private static final String UNKNOWN = "unknown";

	private final ClassLoader classLoader;

	public HangarVersion() {
		this(HangarVersion.class.getClassLoader());
	}

	HangarVersion(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	@Override
	public String[] getVersion() {
		Properties build = load("META-INF/build-info.properties");
		Properties git = load("git.properties");
		String dirty = "true".equals(git.getProperty("git.dirty")) ? " (with uncommitted changes)" : "";
		return new String[] { "Hangar " + build.getProperty("build.version", "development"),
				"Commit " + git.getProperty("git.commit.id.abbrev", UNKNOWN) + " of "
						+ git.getProperty("git.commit.time", UNKNOWN) + dirty,
				"Built " + build.getProperty("build.time", UNKNOWN),
				"Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")" };
	}

	private Properties load(String resource) {
		Properties properties = new Properties();
		try (InputStream in = this.classLoader.getResourceAsStream(resource)) {
			if (in != null) {
				properties.load(in);
			}
		}
		catch (IOException ex) {
			// Shown as unknown.
		}
		return properties;
	}

}
