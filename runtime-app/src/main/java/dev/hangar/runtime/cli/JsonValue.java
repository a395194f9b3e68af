package dev.hangar.runtime.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * A read-only view of the runtime's JSON answers, read into maps and lists with Jackson's
 * streaming parser. The commands' start is what their user waits for, and Jackson's
 * object mapper takes several times longer to start than its parser alone
 * (docs/benchmarks.md). A missing member is an empty value, never an error: the commands
 * print what there is.
 */
final class JsonValue implements Iterable<JsonValue> {

	private static final JsonValue MISSING = new JsonValue(null, true);

	private static final JsonFactory FACTORY = new JsonFactory();

	private final @Nullable Object value;

	private final boolean missing;

	private JsonValue(@Nullable Object value, boolean missing) {
		this.value = value;
		this.missing = missing;
	}

	/**
	 * {@code json} parsed.
	 * @throws JacksonException if it is not JSON
	 */
	static JsonValue parse(String json) {
		try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json)) {
			JsonToken first = parser.nextToken();
			if (first == null) {
				return MISSING;
			}
			return new JsonValue(read(parser, first), false);
		}
	}

	private static @Nullable Object read(JsonParser parser, JsonToken token) {
		return switch (token) {
			case START_OBJECT -> {
				Map<String, @Nullable Object> members = new LinkedHashMap<>();
				for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
					String name = parser.currentName();
					members.put(name, read(parser, parser.nextToken()));
				}
				yield members;
			}
			case START_ARRAY -> {
				List<@Nullable Object> elements = new ArrayList<>();
				for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
					elements.add(read(parser, next));
				}
				yield elements;
			}
			case VALUE_STRING -> parser.getString();
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
			case VALUE_TRUE -> Boolean.TRUE;
			case VALUE_FALSE -> Boolean.FALSE;
			default -> null;
		};
	}

	/** The member {@code name} of an object; missing otherwise. */
	JsonValue path(String name) {
		if (this.value instanceof Map<?, ?> map && map.containsKey(name)) {
			return new JsonValue(map.get(name), false);
		}
		return MISSING;
	}

	/** The members of an object, in order; none otherwise. */
	Map<String, JsonValue> members() {
		Map<String, JsonValue> members = new LinkedHashMap<>();
		if (this.value instanceof Map<?, ?> map) {
			map.forEach((name, member) -> members.put(String.valueOf(name), new JsonValue(member, false)));
		}
		return members;
	}

	/** The elements of an array; none otherwise. */
	@Override
	public Iterator<JsonValue> iterator() {
		List<?> list = (this.value instanceof List<?> elements) ? elements : List.of();
		return list.stream().map((element) -> new JsonValue(element, false)).iterator();
	}

	boolean isMissing() {
		return this.missing;
	}

	/** Whether it is missing or JSON's {@code null}. */
	boolean isAbsent() {
		return this.missing || this.value == null;
	}

	String asString() {
		return asString("");
	}

	String asString(String otherwise) {
		if (this.value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
			return String.valueOf(number.longValue());
		}
		return (this.value != null && !(this.value instanceof Map) && !(this.value instanceof List))
				? String.valueOf(this.value) : otherwise;
	}

	long asLong() {
		return (this.value instanceof Number number) ? number.longValue() : 0;
	}

	int asInt() {
		return (int) asLong();
	}

	boolean asBoolean() {
		return Boolean.TRUE.equals(this.value);
	}

}
