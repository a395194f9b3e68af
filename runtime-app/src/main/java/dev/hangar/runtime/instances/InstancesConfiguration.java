package dev.hangar.runtime.instances;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.hangar.config.ConfigInputs;
import dev.hangar.runtime.startup.ApplicationLayout;
import dev.hangar.runtime.startup.JavaRuntime;
import dev.hangar.runtime.startup.StartupCacheRoot;
import dev.hangar.runtime.startup.StartupCaches;
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

	private static final Log logger = LogFactory.getLog(InstancesConfiguration.class);

	@Bean
	InstanceStartupCaches instanceStartupCaches(ServiceCatalog catalog, InstanceProperties properties,
			DataDirectoryProperties dataDirectory) {
		Path jar = ApplicationLayout.runningJar();
		if (!properties.startupCache().enabled()) {
			return new InstanceStartupCaches(null, catalog.names());
		}
		if (!Files.isRegularFile(jar)) {
			logger.info("Instances start without a startup cache: this runtime does not run from a jar (" + jar + ")");
			return new InstanceStartupCaches(null, catalog.names());
		}
		StartupCaches caches = new StartupCaches(StartupCacheRoot.in(dataDirectory.dataDir()),
				ApplicationLayout.of(jar), JavaRuntime.current(), properties.startupCache().trainingTimeout());
		return new InstanceStartupCaches(caches, catalog.names());
	}

	@Bean
	InstanceSupervisor instanceSupervisor(ServiceCatalog catalog, InstanceProperties properties,
			DataDirectoryProperties dataDirectory, InstanceStartupCaches startupCaches, ConfigInputs inputs) {
		InstanceStore store = new InstanceStore(dataDirectory.dataDir().resolve("instances"));
		Path configDir = inputs.configPath();
		InstanceTemplates templates = new InstanceTemplates(catalog, properties, JavaRuntime.current().command(),
				ApplicationLayout.runningJar(), startupCaches, configDir);
		return new InstanceSupervisor(store, templates, properties, new OsProcessLauncher(), Clock.systemUTC());
	}

	@Bean
	SmartLifecycle instanceSupervisorLifecycle(InstanceSupervisor supervisor, InstanceStartupCaches startupCaches) {
		return new SmartLifecycle() {

			private volatile boolean running;

			@Override
			public void start() {
				supervisor.start();
				this.running = true;
			}

			@Override
			public void stop() {
				startupCaches.stop();
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
	ApplicationListener<ApplicationReadyEvent> instanceStartupCachesStart(InstanceStartupCaches startupCaches) {
		return new ApplicationListener<>() {

			@Override
			public void onApplicationEvent(ApplicationReadyEvent event) {
				startupCaches.start();
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
	HealthIndicator instancesHealthIndicator(InstanceSupervisor supervisor, InstanceStartupCaches startupCaches) {
		return () -> {
			Map<String, Object> details = new LinkedHashMap<>();
			if (startupCaches.isEnabled()) {
				details.put("startupCaches", startupCaches.states());
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
