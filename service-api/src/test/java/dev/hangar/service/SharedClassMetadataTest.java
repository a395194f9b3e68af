package dev.hangar.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReader;

import static org.assertj.core.api.Assertions.assertThat;

class SharedClassMetadataTest {

	private final List<String> read = new ArrayList<>();

	private final SharedClassMetadata shared = new SharedClassMetadata(
			new CachingMetadataReaderFactory(getClass().getClassLoader()) {

				@Override
				public MetadataReader getMetadataReader(String className) throws IOException {
					SharedClassMetadataTest.this.read.add(className);
					return super.getMetadataReader(className);
				}

			});

	@Test
	void everyContextParsesItsConfigurationClassesWithTheSharedCache() {
		try (AnnotationConfigApplicationContext first = start()) {
			assertThat(first.getBean(Imported.class)).isNotNull();
		}
		int readByFirst = this.read.size();
		try (AnnotationConfigApplicationContext second = start()) {
			assertThat(second.getBean(Imported.class)).isNotNull();
		}

		assertThat(readByFirst).isPositive();
		assertThat(this.read).hasSizeGreaterThan(readByFirst).containsOnly(Imported.class.getName());
	}

	@Test
	void aContextWithoutItReadsWithItsOwn() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Importing.class)) {
			assertThat(context.getBean(Imported.class)).isNotNull();
		}

		assertThat(this.read).isEmpty();
	}

	private AnnotationConfigApplicationContext start() {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		this.shared.initializer().initialize(context);
		context.register(Importing.class);
		context.refresh();
		return context;
	}

	@Configuration(proxyBeanMethods = false)
	@Import(ImportByName.class)
	static class Importing {

	}

	/**
	 * Imports by class name, which Spring resolves by reading the class file, not by
	 * loading it.
	 */
	static class ImportByName implements ImportSelector {

		@Override
		public String[] selectImports(AnnotationMetadata metadata) {
			return new String[] { Imported.class.getName() };
		}

	}

	static class Imported {

	}

}
