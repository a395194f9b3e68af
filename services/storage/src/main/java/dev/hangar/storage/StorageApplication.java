package dev.hangar.storage;

import dev.hangar.service.ConnectorLauncher;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The Spring configuration of a storage connector, and its standalone entry point:
 * {@code java -jar storage.jar storage-users}.
 */
@SpringBootApplication
@EnableConfigurationProperties(StorageProperties.class)
public class StorageApplication {

	public static void main(String[] args) {
		ConnectorLauncher.run(new StorageConnector(), args);
	}

}
