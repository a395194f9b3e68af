package dev.hangar.service;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

import static org.assertj.core.api.Assertions.assertThat;

class DeclaredPropertiesTest {

	@Test
	void aServicesPropertiesClassesAreThoseItsConfigurationEnables() {
		assertThat(DeclaredProperties.of(Configuration.class)).containsExactly(First.class, Second.class);
	}

	@Test
	void aConfigurationThatEnablesNoneHasNone() {
		assertThat(DeclaredProperties.of(Object.class)).isEmpty();
	}

	@EnableConfigurationProperties({ First.class, Second.class })
	static class Configuration {

	}

	@ConfigurationProperties("first")
	record First(int a) {
	}

	@ConfigurationProperties("second")
	record Second(int b) {
	}

}
