package dev.hangar.settings;

import dev.hangar.service.HttpProperties;
import dev.hangar.service.ServiceLauncher;
import dev.hangar.service.web.BodyBuffering;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/** The Spring configuration of the settings service, and its standalone entry point. */
@SpringBootApplication
@EnableConfigurationProperties(SettingsProperties.class)
public class SettingsApplication {

	/**
	 * A value is read without holding a thread while it arrives (a slow client costs a
	 * connection only).
	 */
	@Bean
	FilterRegistrationBean<BodyBuffering> settingsBodyBuffering(HttpProperties http, SettingsProperties properties) {
		return BodyBuffering.registration(http.bodyTimeout(), http.bodyMemoryBudget().toBytes(),
				new BodyBuffering.Rule(
						(request) -> "PUT".equals(request.getMethod()) && request.getRequestURI().startsWith("/users/"),
						() -> properties.maxValueSize().toBytes(), "max-value-size"));
	}

	public static void main(String[] args) {
		ServiceLauncher.run(new SettingsService(), args);
	}

}
