package dev.hangar.service.support;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;

/**
 * Leaves out, in a service inside the runtime, the auto-configurations that measure the
 * process as a whole: the runtime reports the JVM, the system and Logback once. Excluding
 * them here rather than hiding their meters matters: each would register its own GC
 * listeners and add a Logback turbo filter that every log call in the JVM then goes
 * through, once per service.
 */
public class ProcessWideAutoConfigurationFilter implements AutoConfigurationImportFilter, BeanFactoryAware {

	/** The name of the bean that marks the context of a service inside the runtime. */
	public static final String EMBEDDED_SERVICE_MARKER = "hangarEmbeddedService";

	static final Set<String> PROCESS_WIDE = Set.of(
			"org.springframework.boot.micrometer.metrics.autoconfigure.jvm.JvmMetricsAutoConfiguration",
			"org.springframework.boot.micrometer.metrics.autoconfigure.system.SystemMetricsAutoConfiguration",
			"org.springframework.boot.micrometer.metrics.autoconfigure.logging.logback.LogbackMetricsAutoConfiguration",
			"org.springframework.boot.micrometer.metrics.autoconfigure.startup.StartupTimeMetricsListenerAutoConfiguration",
			"org.springframework.boot.micrometer.metrics.autoconfigure.task.TaskExecutorMetricsAutoConfiguration");

	private @Nullable BeanFactory beanFactory;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
		this.beanFactory = beanFactory;
	}

	@Override
	public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata autoConfigurationMetadata) {
		boolean embedded = isEmbeddedService();
		boolean[] matches = new boolean[autoConfigurationClasses.length];
		for (int i = 0; i < autoConfigurationClasses.length; i++) {
			// An earlier filter may have left an entry null.
			String candidate = autoConfigurationClasses[i];
			matches[i] = !embedded || candidate == null || !PROCESS_WIDE.contains(candidate);
		}
		return matches;
	}

	private boolean isEmbeddedService() {
		return this.beanFactory != null && this.beanFactory.containsBean(EMBEDDED_SERVICE_MARKER);
	}

}
