package dev.hangar.settings;

import dev.hangar.service.ServiceLauncher;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The Spring configuration of the settings service, and its standalone entry point. */
@SpringBootApplication
@EnableConfigurationProperties(SettingsProperties.class)
public class SettingsApplication {

	public static void main(String[] args) {
		ServiceLauncher.run(new SettingsService(), args);
	}

}
