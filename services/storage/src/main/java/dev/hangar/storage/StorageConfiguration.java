package dev.hangar.storage;

import dev.hangar.storage.posix.PosixDriver;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The driver a connector's configuration names. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

	@Bean
	StorageDriver storageDriver(StorageProperties properties) {
		return switch (properties.driver()) {
			case POSIX -> {
				PosixDriver driver = new PosixDriver(properties);
				driver.prepare();
				yield driver;
			}
		};
	}

}
