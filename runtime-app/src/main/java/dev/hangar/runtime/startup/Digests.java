package dev.hangar.runtime.startup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 digests of bytes and of files, as hex. */
final class Digests {

	private Digests() {
	}

	static String sha256(byte[] bytes) {
		MessageDigest digest = sha256();
		return HexFormat.of().formatHex(digest.digest(bytes));
	}

	/** One digest over the contents of every file, in order. */
	static String sha256(List<Path> files) {
		MessageDigest digest = sha256();
		byte[] buffer = new byte[1 << 16];
		for (Path file : files) {
			try (InputStream in = Files.newInputStream(file)) {
				for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
					digest.update(buffer, 0, read);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + file, ex);
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

}
