package dev.hangar.thumbnails;

import dev.hangar.service.ServiceLauncher;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The Spring configuration of the thumbnails service, and its standalone entry point. */
@SpringBootApplication
@EnableConfigurationProperties({ ThumbnailsProperties.class, StorageSourceProperties.class })
public class ThumbnailsApplication {

	@Bean
	RenderWorkers renderWorkers(ThumbnailsProperties properties) {
		return new RenderWorkers(properties.renderThreadCount(), properties.renderQueue());
	}

	public static void main(String[] args) {
		ServiceLauncher.run(new ThumbnailsService(), args);
	}

}
