package dev.hangar.settings;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

import dev.hangar.service.web.BoundedBody;
import dev.hangar.service.web.RequestRefusedException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /users/{user}/settings}: list a user's keys;
 * {@code /users/{user}/settings/{key}}: PUT a JSON value (201 when new, 204 when
 * replaced), GET it, DELETE it.
 */
@RestController
@RequestMapping("/users/{user}/settings")
class SettingsController {

	/**
	 * User ids and keys: letters, digits and {@code . _ @ -}, starting with a letter or
	 * digit.
	 */
	static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}");

	private final SettingsRepository repository;

	private final SettingsProperties properties;

	private final JsonMapper json;

	SettingsController(SettingsRepository repository, SettingsProperties properties, JsonMapper json) {
		this.repository = repository;
		this.properties = properties;
		this.json = json;
	}

	@GetMapping
	Map<String, Object> keys(@PathVariable String user) {
		check("user", user);
		List<String> keys = this.repository.keys(user);
		return Map.of("user", user, "keys", keys);
	}

	@GetMapping("/{key}")
	ResponseEntity<String> get(@PathVariable String user, @PathVariable String key) {
		check("user", user);
		check("key", key);
		return this.repository.find(user, key)
			.map((value) -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(value))
			.orElseThrow(() -> notFound(user, key));
	}

	@PutMapping(path = "/{key}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Void> put(@PathVariable String user, @PathVariable String key, HttpServletRequest request)
			throws IOException {
		check("user", user);
		check("key", key);
		byte[] body = BoundedBody.read(request, this.properties.maxValueSize().toBytes(), "max-value-size");
		String value = validJson(body);
		boolean created = this.repository.save(user, key, value, this.properties.maxSettingsPerUser());
		return created ? ResponseEntity.status(HttpStatus.CREATED).build() : ResponseEntity.noContent().build();
	}

	@DeleteMapping("/{key}")
	ResponseEntity<Void> delete(@PathVariable String user, @PathVariable String key) {
		check("user", user);
		check("key", key);
		if (!this.repository.delete(user, key)) {
			throw notFound(user, key);
		}
		return ResponseEntity.noContent().build();
	}

	/**
	 * The body as the client sent it, once it is known to be one JSON value in UTF-8:
	 * stored and answered byte for byte, never parsed into numbers or strings and written
	 * back (which turned {@code 1e999999999} into {@code "Infinity"} and a lone surrogate
	 * into {@code "?"}).
	 */
	private String validJson(byte[] body) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new RequestRefusedException(HttpStatus.BAD_REQUEST,
					"The body is not UTF-8; JSON must be (RFC 8259).");
		}
		try (JsonParser parser = this.json.createParser(text)) {
			if (parser.nextToken() == null) {
				throw new RequestRefusedException(HttpStatus.BAD_REQUEST, "The body holds no JSON value.");
			}
			parser.skipChildren();
			if (parser.nextToken() != null) {
				throw new RequestRefusedException(HttpStatus.BAD_REQUEST,
						"The body holds more than one JSON value. Send one, e.g. {\"theme\":\"dark\"} or \"dark\".");
			}
			return text;
		}
		catch (JacksonException ex) {
			throw new RequestRefusedException(HttpStatus.BAD_REQUEST, "The body is not valid JSON: "
					+ ex.getOriginalMessage() + ". Send one JSON value, e.g. {\"theme\":\"dark\"} or \"dark\".");
		}
	}

	private static void check(String what, String value) {
		if (!NAME.matcher(value).matches()) {
			throw new RequestRefusedException(HttpStatus.BAD_REQUEST, "Invalid " + what + " '" + value
					+ "': use 1 to 128 letters, digits and . _ @ -, starting with a letter or digit.");
		}
	}

	private static RequestRefusedException notFound(String user, String key) {
		return new RequestRefusedException(HttpStatus.NOT_FOUND, "User '" + user + "' has no setting '" + key + "'.");
	}

}
