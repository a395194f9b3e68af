package dev.hangar.runtime.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.hangar.config.ConfigInputs;
import dev.hangar.config.ConfigLayers;

/**
 * The runtime's secret as its configuration gives it now. {@code hangar.yaml} is read
 * again whenever it changes (another inode, size or modification time), so that a secret
 * written by {@code runtime.jar init}, or edited by hand, takes effect without a restart.
 * The whole runtime scope is read, so a secret set in the environment or on the command
 * line still wins over the file. A file that cannot be read while it is being edited
 * leaves the last good secret in force, with a warning.
 */
public final class ManagementSecret {

	private static final Log logger = LogFactory.getLog(ManagementSecret.class);

	private final ConfigInputs inputs;

	private final Path file;

	private @Nullable Snapshot current;

	public ManagementSecret(ConfigInputs inputs) {
		this.inputs = inputs;
		this.file = inputs.configDir().file(ConfigLayers.HANGAR_FILE);
	}

	/** The secret in force, or null if the configuration sets none. */
	public synchronized byte @Nullable [] current() {
		Object stamp = stamp();
		Snapshot snapshot = this.current;
		if (snapshot == null || !snapshot.stamp().equals(stamp)) {
			snapshot = new Snapshot(stamp, read((snapshot != null) ? snapshot.secret() : null));
			this.current = snapshot;
		}
		return snapshot.secret();
	}

	private byte @Nullable [] read(byte @Nullable [] previous) {
		try {
			String secret = new RuntimeConfiguration(new ConfigLayers(this.inputs)).runtime().secret();
			return (secret != null && !secret.isBlank()) ? secret.getBytes(StandardCharsets.UTF_8) : null;
		}
		catch (RuntimeException ex) {
			logger.warn("Cannot read runtime.secret from " + this.file + " (" + ex.getMessage()
					+ "); the management API keeps the secret it had. Correct the file.");
			return previous;
		}
	}

	private Object stamp() {
		try {
			// Links followed: a mounted ConfigMap changes by swapping a link behind the
			// file.
			BasicFileAttributes attributes = Files.readAttributes(this.file, BasicFileAttributes.class);
			return Arrays.asList(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime());
		}
		catch (NoSuchFileException ex) {
			return "missing";
		}
		catch (IOException ex) {
			return "unreadable: " + ex.getMessage();
		}
	}

	private record Snapshot(Object stamp, byte @Nullable [] secret) {
	}

}
