package dev.hangar.service;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * What Spring reads from class files while it parses configuration classes, read once for
 * every context that the runtime starts. Each Spring context has a cache of its own
 * (Boot's {@code SharedMetadataReaderFactoryContextInitializer}), so without this the
 * runtime and each of its services would read and parse the same few hundred
 * auto-configuration classes again. The contexts share one class loader, so what one
 * reads holds for all. {@link #clear()} once they have started: the cache is only needed
 * while contexts start.
 */
public final class SharedClassMetadata {

	private final CachingMetadataReaderFactory metadataReaderFactory;

	public SharedClassMetadata(ClassLoader classLoader) {
		// A DefaultResourceLoader gives the factory a concurrent cache: services start on
		// threads of their own.
		this(new CachingMetadataReaderFactory(new DefaultResourceLoader(classLoader)));
	}

	SharedClassMetadata(CachingMetadataReaderFactory metadataReaderFactory) {
		this.metadataReaderFactory = metadataReaderFactory;
	}

	/** Makes a context parse its configuration classes with the shared cache. */
	public ApplicationContextInitializer<ConfigurableApplicationContext> initializer() {
		return (context) -> context.addBeanFactoryPostProcessor(new UseSharedMetadata(this.metadataReaderFactory));
	}

	public void clear() {
		this.metadataReaderFactory.clearCache();
	}

	/**
	 * Runs after Boot's own post-processor has pointed the configuration class processor
	 * at the context's cache, and points it at the shared one instead.
	 */
	private record UseSharedMetadata(
			MetadataReaderFactory metadataReaderFactory) implements BeanDefinitionRegistryPostProcessor {

		@Override
		public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
			String processor = AnnotationConfigUtils.CONFIGURATION_ANNOTATION_PROCESSOR_BEAN_NAME;
			if (registry.containsBeanDefinition(processor)) {
				registry.getBeanDefinition(processor)
					.getPropertyValues()
					.add("metadataReaderFactory", this.metadataReaderFactory);
			}
		}

		@Override
		public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		}

	}

}
