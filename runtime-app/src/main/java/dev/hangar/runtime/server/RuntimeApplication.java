package dev.hangar.runtime.server;

import io.prometheus.metrics.model.registry.PrometheusRegistry;

import dev.hangar.config.ConfigInputs;
import dev.hangar.runtime.instances.InstanceSupervisor;
import dev.hangar.runtime.instances.InstancesConfiguration;
import dev.hangar.runtime.registry.RuntimeRegistry;
import dev.hangar.service.DataDirectoryProperties;
import dev.hangar.service.support.MemoryProperties;
import dev.hangar.service.support.StartupHeapCompaction;
import dev.hangar.service.web.PathParameterFilter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * The runtime's own Spring context: the management HTTP server, actuator, and the life
 * cycle of the {@link ServiceRuntime} that runs the services. The services are not
 * children of this context in Spring's sense: a parent's beans would stand in for each
 * service's own auto-configuration (its meter registry, its health endpoint), since
 * {@code @ConditionalOnMissingBean} searches ancestors. The runtime owns their life cycle
 * instead.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@EnableConfigurationProperties({ RuntimeProperties.class, ServiceSelectionProperties.class,
		DataDirectoryProperties.class, MemoryProperties.class })
@Import(InstancesConfiguration.class)
class RuntimeApplication {

	@Bean
	ServiceRuntimeLifecycle serviceRuntimeLifecycle(ServiceRuntime services, PrometheusRegistry prometheusRegistry) {
		return new ServiceRuntimeLifecycle(services, prometheusRegistry);
	}

	/**
	 * Once, when every service has started: services inside the runtime leave it to the
	 * runtime.
	 */
	@Bean
	StartupHeapCompaction startupHeapCompaction(MemoryProperties memory) {
		return new StartupHeapCompaction(memory.compactAfterStart(), memory.heapFreeAfterStart());
	}

	@Bean
	ServicesEndpoint servicesEndpoint(ServiceRuntime runtime, InstanceSupervisor instances, RuntimeRegistry registry) {
		return new ServicesEndpoint(runtime, instances, registry);
	}

	@Bean
	CompositeHealthContributor servicesHealthContributor(ServiceRuntime runtime) {
		return ServicesHealthContributor.of(runtime);
	}

	@Bean
	FilterRegistrationBean<ManagementCredentialFilter> managementCredentialFilter(ConfigInputs configInputs) {
		FilterRegistrationBean<ManagementCredentialFilter> registration = new FilterRegistrationBean<>(
				new ManagementCredentialFilter(new ManagementSecret(configInputs)));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * {@code /api/instances/thumbnails/a;id} is refused, never taken for instance
	 * {@code a}.
	 */
	@Bean
	FilterRegistrationBean<PathParameterFilter> pathParameterFilter() {
		FilterRegistrationBean<PathParameterFilter> registration = new FilterRegistrationBean<>(
				new PathParameterFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

}
