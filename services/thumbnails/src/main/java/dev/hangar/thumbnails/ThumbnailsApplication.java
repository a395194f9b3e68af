package dev.hangar.thumbnails;

import dev.hangar.service.ServiceLauncher;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The Spring configuration of the thumbnails service, and its standalone entry point. */
@SpringBootApplication
@EnableConfigurationProperties({ ThumbnailsProperties.class, StorageSourceProperties.class })
public class ThumbnailsApplication {

	public static void main(String[] args) {
		ServiceLauncher.run(new ThumbnailsService(), args);
	}

}
