package dev.hangar.runtime.instances;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hangar.config.ConfigDirectory;
import dev.hangar.service.DataDirectoryProperties;
import dev.hangar.service.ServiceCatalog;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The instance supervisor in the runtime's context: started after the services, stopped before them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InstanceProperties.class)
public class InstancesConfiguration {

	@Bean
	InstanceSupervisor instanceSupervisor(ServiceCatalog catalog, InstanceProperties properties,
			DataDirectoryProperties dataDirectory) {
		InstanceStore store = new InstanceStore(dataDirectory.dataDir().resolve("instances"));
		Path configDir = ConfigDirectory.resolve(System.getenv()).path();
		return new InstanceSupervisor(store, new InstanceTemplates(catalog, properties, javaCommand(), configDir),
				properties);
	}

	@Bean
	SmartLifecycle instanceSupervisorLifecycle(InstanceSupervisor supervisor) {
		return new SmartLifecycle() {

			private volatile boolean running;

			@Override
			public void start() {
				supervisor.start();
				this.running = true;
			}

			@Override
			public void stop() {
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

	@Bean
	InstancesController instancesController(InstanceSupervisor supervisor, InstanceProperties properties) {
		return new InstancesController(supervisor, properties);
	}

	/** The {@code instances} component: DOWN when an instance is FAILED, or wanted up but not running. */
	@Bean
	HealthIndicator instancesHealthIndicator(InstanceSupervisor supervisor) {
		return () -> {
			Map<String, Object> details = new LinkedHashMap<>();
			boolean down = false;
			for (InstanceStatus status : supervisor.list(null)) {
				Map<String, Object> detail = new LinkedHashMap<>();
				detail.put("state", status.state());
				detail.put("wanted", status.wanted());
				detail.put("ready", status.ready());
				details.put(status.template() + "@" + status.name(), detail);
				down |= "failed".equals(status.state()) || ("up".equals(status.wanted()) && !"up".equals(status.state()));
			}
			return (down ? Health.down() : Health.up()).withDetails(details).build();
		};
	}

	/** How an instance of a service runs its standalone code: this JVM's java, with runtime.jar. */
	private static List<String> javaCommand() {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.add("-jar");
		command.add(Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0]).toAbsolutePath().toString());
		return command;
	}

}
