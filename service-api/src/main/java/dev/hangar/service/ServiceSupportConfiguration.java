package dev.hangar.service;

import java.time.Clock;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;

import dev.hangar.service.logging.ServiceMdcFilter;
import dev.hangar.service.logging.TomcatServiceTagging;
import dev.hangar.service.web.BodyReadDeadline;
import dev.hangar.service.web.ClientConnectionValve;
import dev.hangar.service.web.PathParameterFilter;
import dev.hangar.service.web.RequestRefusedHandler;
import dev.hangar.service.support.MemoryProperties;
import dev.hangar.service.support.ProcessWideAutoConfigurationFilter;
import dev.hangar.service.support.RequestThreads;
import dev.hangar.service.support.StartupHeapCompaction;

import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * What every service context gets, alone or inside the runtime: its metrics tagged with
 * its name, its log lines tagged with its name, and an info entry about the thread that
 * serves requests.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ HttpProperties.class, DataDirectoryProperties.class, MemoryProperties.class })
class ServiceSupportConfiguration {

	@Bean
	MeterRegistryCustomizer<MeterRegistry> hangarServiceMeterTags(ServiceIdentity identity) {
		// Inside the runtime, the metrics of the process as a whole are not configured at
		// all
		// (ProcessWideAutoConfigurationFilter): the runtime reports them once.
		return (registry) -> registry.config().commonTags("service", identity.name());
	}

	@Bean
	StartupHeapCompaction hangarStartupHeapCompaction(ServiceIdentity identity, MemoryProperties memory) {
		// Inside the runtime, the runtime compacts once, after every service has started.
		return new StartupHeapCompaction(memory.compactAfterStart() && identity.mode() == ServiceMode.STANDALONE,
				memory.heapFreeAfterStart());
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
		FilterRegistrationBean<PathParameterFilter> registration = new FilterRegistrationBean<>(
				new PathParameterFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	@Bean
	FilterRegistrationBean<BodyReadDeadline> hangarBodyReadDeadline(HttpProperties http) {
		FilterRegistrationBean<BodyReadDeadline> registration = new FilterRegistrationBean<>(
				new BodyReadDeadline(http.bodyTimeout(), http.bodyMinRate().toBytes(), Clock.systemUTC()));
		registration.setOrder(BodyReadDeadline.ORDER);
		return registration;
	}

	@Bean
	TomcatContextCustomizer hangarClientConnectionValve() {
		return (context) -> context.getPipeline().addValve(new ClientConnectionValve());
	}

	@Bean
	RequestRefusedHandler hangarRequestRefusedHandler() {
		return new RequestRefusedHandler();
	}

	@Bean
	InfoContributor hangarServiceInfo(ServiceIdentity identity) {
		return (builder) -> builder.withDetail("hangar",
				Map.of("service", identity.name(), "mode", identity.mode().name().toLowerCase(), "instancing",
						identity.instancing().name().toLowerCase(), "requestThread", RequestThreads.describeCurrent()));
	}

}
