package dev.hangar.runtime.cli;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The commands' view of the runtime's JSON: any valid JSON, what is missing is empty. */
class JsonValueTest {

	@Test
	void readsNestedObjectsArraysAndEveryKindOfValue() {
		JsonValue json = JsonValue.parse("""
				{"a": 1, "b": 2.5, "c": true, "d": null, "e": "x\\"y\\n\\u00e9 , ] }",
				 "f": [{"g": [1, 2]}, {}], "h": {}, "i": -3, "j": false}""");

		assertThat(json.path("a").asLong()).isEqualTo(1);
		assertThat(json.path("a").asString()).isEqualTo("1");
		assertThat(json.path("b").asString()).isEqualTo("2.5");
		assertThat(json.path("c").asBoolean()).isTrue();
		assertThat(json.path("d").isAbsent()).isTrue();
		assertThat(json.path("d").isMissing()).isFalse();
		assertThat(json.path("e").asString()).isEqualTo("x\"y\n\u00e9 , ] }");
		List<Integer> sizes = new ArrayList<>();
		json.path("f").forEach((element) -> sizes.add(element.members().size()));
		assertThat(sizes).containsExactly(1, 0);
		assertThat(json.path("h").members()).isEmpty();
		assertThat(json.path("i").asInt()).isEqualTo(-3);
		assertThat(json.path("j").asBoolean()).isFalse();
	}

	@Test
	void whatIsMissingIsEmptyNeverAnError() {
		JsonValue json = JsonValue.parse("{\"status\": \"UP\"}");

		assertThat(json.path("nope").path("deeper").isMissing()).isTrue();
		assertThat(json.path("nope").asString("UNKNOWN")).isEqualTo("UNKNOWN");
		assertThat(json.path("status").path("x").asString()).isEmpty();
		assertThat(json.path("nope")).isEmpty();
		assertThat(json.path("nope").members()).isEmpty();
	}

	@Test
	void somethingThatIsNotJsonIsRefused() {
		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> JsonValue.parse("<html>busy</html>"));
	}

}
