package dev.hangar.storage.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * A path inside a storage space, reduced to one spelling: percent-decoded once, empty and
 * {@code .} segments dropped, {@code ..} resolved, no trailing slash; the root is
 * {@code "/"}. Every spelling a client can use for one resource ({@code //}, {@code /.},
 * {@code %2F}, {@code /a/../}) comes out the same, so a check on it cannot be walked
 * around.
 */
final class SpacePath {

	static final String ROOT = "/";

	private SpacePath() {
	}

	/**
	 * The canonical form of a raw (still encoded) path, or empty when it cannot be read:
	 * bad percent-encoding, not UTF-8, or {@code ..} above the root.
	 */
	static Optional<String> canonical(String rawPath) {
		Optional<String> decoded = decode(rawPath);
		if (decoded.isEmpty()) {
			return Optional.empty();
		}
		Deque<String> segments = new ArrayDeque<>();
		for (String segment : decoded.get().split("/", -1)) {
			if (segment.isEmpty() || segment.equals(".")) {
				continue;
			}
			if (segment.equals("..")) {
				if (segments.pollLast() == null) {
					return Optional.empty();
				}
				continue;
			}
			segments.addLast(segment);
		}
		return Optional.of(ROOT + String.join("/", segments));
	}

	/**
	 * The canonical path a {@code Destination} header names, relative or absolute; a URI
	 * without a path names the root. Empty when the header is not a URI.
	 */
	static Optional<String> ofDestination(String header) {
		String value = header.trim();
		if (value.startsWith("/")) {
			// A path, not a URI: "//" would otherwise read as an empty authority.
			int end = indexOfAny(value, '?', '#');
			return canonical(value.substring(0, end));
		}
		try {
			URI uri = new URI(value);
			String rawPath = uri.getRawPath();
			return canonical((rawPath != null) ? rawPath : "");
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
	}

	private static int indexOfAny(String value, char first, char second) {
		int a = value.indexOf(first);
		int b = value.indexOf(second);
		if (a < 0) {
			return (b < 0) ? value.length() : b;
		}
		return (b < 0) ? a : Math.min(a, b);
	}

	private static Optional<String> decode(String raw) {
		if (raw.indexOf('%') < 0) {
			return Optional.of(raw);
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
		int i = 0;
		while (i < raw.length()) {
			int percent = raw.indexOf('%', i);
			int end = (percent < 0) ? raw.length() : percent;
			bytes.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
			if (percent < 0) {
				break;
			}
			if (percent + 2 >= raw.length()) {
				return Optional.empty();
			}
			int high = Character.digit(raw.charAt(percent + 1), 16);
			int low = Character.digit(raw.charAt(percent + 2), 16);
			if (high < 0 || low < 0) {
				return Optional.empty();
			}
			bytes.write(high * 16 + low);
			i = percent + 3;
		}
		try {
			return Optional.of(StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString());
		}
		catch (CharacterCodingException ex) {
			return Optional.empty();
		}
	}

}
