package dev.hangar.service;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.MergedAnnotations;

/** The properties classes a service's configuration enables. */
final class DeclaredProperties {

	private DeclaredProperties() {
	}

	/**
	 * What {@code @EnableConfigurationProperties} on {@code configuration} (or a
	 * meta-annotation) names.
	 */
	static List<Class<?>> of(Class<?> configuration) {
		return MergedAnnotations.from(configuration, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
			.stream(EnableConfigurationProperties.class)
			.flatMap((annotation) -> List.of(annotation.getClassArray("value")).stream())
			.distinct()
			.toList();
	}

}
