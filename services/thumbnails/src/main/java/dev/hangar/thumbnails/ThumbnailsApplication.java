package dev.hangar.thumbnails;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import dev.hangar.service.HttpProperties;
import dev.hangar.service.ServiceLauncher;
import dev.hangar.service.web.BodyBuffering;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/** The Spring configuration of the thumbnails service, and its standalone entry point. */
@SpringBootApplication
@EnableConfigurationProperties({ ThumbnailsProperties.class, StorageSourceProperties.class })
public class ThumbnailsApplication {

	@Bean
	RenderWorkers renderWorkers(ThumbnailsProperties properties, MeterRegistry meters) {
		return new RenderWorkers(properties.renderThreadCount(), properties.renderQueue(), Clock.systemUTC(), meters);
	}

	@Bean
	RenderMemory renderMemory(ThumbnailsProperties properties) {
		return new RenderMemory(properties.renderMemoryBudget());
	}

	/**
	 * An image upload is read without holding a thread while it arrives (a slow client
	 * costs a connection only).
	 */
	@Bean
	FilterRegistrationBean<BodyBuffering> thumbnailsBodyBuffering(HttpProperties http,
			ThumbnailsProperties properties) {
		return BodyBuffering.registration(http.bodyTimeout(), http.bodyMemoryBudget().toBytes(), new BodyBuffering.Rule(
				(request) -> "POST".equals(request.getMethod()) && "/thumbnails".equals(request.getRequestURI()),
				() -> properties.maxInputSize().toBytes(), "max-input-size"));
	}

	public static void main(String[] args) {
		ServiceLauncher.run(new ThumbnailsService(), args);
	}

}
