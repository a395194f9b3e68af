package dev.hangar.runtime.instances;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.hangar.config.ConfigInputs;
import dev.hangar.runtime.registry.RuntimeRegistry;
import dev.hangar.runtime.startup.ApplicationLayout;
import dev.hangar.runtime.startup.JavaRuntime;
import dev.hangar.runtime.startup.ServiceLaunchOptions;
import dev.hangar.service.DataDirectoryProperties;
import dev.hangar.service.ServiceCatalog;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The instance supervisor in the runtime's context: started after the services, stopped
 * before them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InstanceProperties.class)
public class InstancesConfiguration {

	@Bean
	ServiceLaunchOptions serviceLaunchOptions(ServiceCatalog catalog, InstanceProperties properties,
			DataDirectoryProperties dataDirectory) {
		return ServiceLaunchOptions.of(properties.startupCache().enabled(), ApplicationLayout.runningJar(),
				dataDirectory.dataDir(), properties.startupCache().trainingTimeout(), catalog.names());
	}

	@Bean
	InstanceSupervisor instanceSupervisor(ServiceCatalog catalog, InstanceProperties properties,
			DataDirectoryProperties dataDirectory, ServiceLaunchOptions serviceLaunch, ConfigInputs inputs,
			RuntimeRegistry registry) {
		InstanceStore store = new InstanceStore(dataDirectory.dataDir().resolve("instances"));
		Path configDir = inputs.configPath();
		InstanceTemplates templates = new InstanceTemplates(catalog, properties, JavaRuntime.current().command(),
				serviceLaunch, configDir);
		return new InstanceSupervisor(store, templates, properties, new OsProcessLauncher(), Clock.systemUTC(),
				registry);
	}

	@Bean
	SmartLifecycle instanceSupervisorLifecycle(InstanceSupervisor supervisor, ServiceLaunchOptions serviceLaunch) {
		return new SmartLifecycle() {

			private volatile boolean running;

			@Override
			public void start() {
				supervisor.start();
				this.running = true;
			}

			@Override
			public void stop() {
				serviceLaunch.stop();
				supervisor.stop();
				this.running = false;
			}

			@Override
			public boolean isRunning() {
				return this.running;
			}

			@Override
			public int getPhase() {
				return SmartLifecycle.DEFAULT_PHASE - 256;
			}

		};
	}

	/**
	 * Looks for startup caches on disk once the runtime is ready: the digest of
	 * runtime.jar it takes first is CPU that the runtime's start-up should not share.
	 */
	@Bean
	ApplicationListener<ApplicationReadyEvent> serviceLaunchOptionsStart(ServiceLaunchOptions serviceLaunch) {
		return new ApplicationListener<>() {

			@Override
			public void onApplicationEvent(ApplicationReadyEvent event) {
				serviceLaunch.start();
			}

		};
	}

	@Bean
	InstancesController instancesController(InstanceSupervisor supervisor, InstanceProperties properties) {
		return new InstancesController(supervisor, properties);
	}

	/**
	 * The {@code instances} component: DOWN when an instance is FAILED, or wanted up but
	 * not running.
	 */
	@Bean
	HealthIndicator instancesHealthIndicator(InstanceSupervisor supervisor, ServiceLaunchOptions serviceLaunch) {
		return () -> {
			Map<String, Object> details = new LinkedHashMap<>();
			if (serviceLaunch.cachesEnabled()) {
				details.put("startupCaches", serviceLaunch.cacheStates());
			}
			boolean down = false;
			for (InstanceStatus status : supervisor.list(null)) {
				Map<String, Object> detail = new LinkedHashMap<>();
				detail.put("state", status.state());
				detail.put("wanted", status.wanted());
				detail.put("ready", status.ready());
				detail.put("fromStartupCache", status.fromStartupCache());
				if (status.problem() != null) {
					detail.put("problem", status.problem());
				}
				details.put(status.template() + "@" + status.name(), detail);
				down |= "failed".equals(status.state())
						|| ("up".equals(status.wanted()) && !"up".equals(status.state()));
			}
			return (down ? Health.down() : Health.up()).withDetails(details).build();
		};
	}

}
