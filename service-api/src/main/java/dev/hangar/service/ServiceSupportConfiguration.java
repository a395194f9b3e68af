package dev.hangar.service;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;

import dev.hangar.service.logging.ServiceMdcFilter;
import dev.hangar.service.logging.TomcatServiceTagging;
import dev.hangar.service.web.PathParameterFilter;
import dev.hangar.service.web.RequestRefusedHandler;

import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * What every service context gets, alone or inside the runtime: its metrics tagged with its
 * name, its log lines tagged with its name, and an info entry about the thread that serves
 * requests.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ HttpProperties.class, DataDirectoryProperties.class })
class ServiceSupportConfiguration {

	/** Metrics of the process as a whole; inside the runtime, the runtime reports them once. */
	private static final List<String> PROCESS_METRICS = List.of("jvm.", "process.", "system.", "disk.", "logback.",
			"executor.", "application.");

	@Bean
	MeterRegistryCustomizer<MeterRegistry> hangarServiceMeterTags(ServiceIdentity identity) {
		return (registry) -> {
			registry.config().commonTags("service", identity.name());
			if (identity.mode() == ServiceMode.EMBEDDED) {
				registry.config()
					.meterFilter(MeterFilter.deny((id) -> PROCESS_METRICS.stream().anyMatch(id.getName()::startsWith)));
			}
		};
	}

	@Bean
	FilterRegistrationBean<ServiceMdcFilter> hangarServiceMdcFilter(ServiceIdentity identity) {
		FilterRegistrationBean<ServiceMdcFilter> registration = new FilterRegistrationBean<>(
				new ServiceMdcFilter(identity.name()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	TomcatServiceTagging hangarTomcatServiceTagging(ServiceIdentity identity) {
		return new TomcatServiceTagging(identity.name());
	}

	@Bean
	FilterRegistrationBean<PathParameterFilter> hangarPathParameterFilter() {
		FilterRegistrationBean<PathParameterFilter> registration = new FilterRegistrationBean<>(new PathParameterFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	@Bean
	RequestRefusedHandler hangarRequestRefusedHandler() {
		return new RequestRefusedHandler();
	}

	@Bean
	InfoContributor hangarServiceInfo(ServiceIdentity identity) {
		return (builder) -> builder.withDetail("hangar", Map.of("service", identity.name(), "mode",
				identity.mode().name().toLowerCase(), "instancing", identity.instancing().name().toLowerCase(),
				"requestThread", RequestThreads.describeCurrent()));
	}

}
