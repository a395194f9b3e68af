package dev.hangar.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.hangar.config.ConfigLayers;
import dev.hangar.config.KnownKeys;
import dev.hangar.config.PlainBootVariables;
import dev.hangar.config.UnknownKeyCheck;
import dev.hangar.service.logging.ServiceLogContext;
import dev.hangar.service.support.ProcessWideAutoConfigurationFilter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Makes and starts the Spring application of one service. Alone and inside the runtime
 * alike, a service goes through here: the same configuration layers, the same checks, the
 * same health and metrics setup. Only what one JVM can have once (logging set-up, JVM
 * metrics, the shutdown hook) depends on the {@link ServiceMode}.
 */
public final class ServiceApplication {

	private static final Log logger = LogFactory.getLog(ServiceApplication.class);

	private final ServiceDefinition definition;

	private final ConfigLayers layers;

	private final KnownKeys knownKeys;

	private final ServiceMode mode;

	public ServiceApplication(ServiceDefinition definition, ConfigLayers layers, KnownKeys knownKeys,
			ServiceMode mode) {
		this.definition = definition;
		this.layers = layers;
		this.knownKeys = knownKeys;
		this.mode = mode;
	}

	/**
	 * Checks the configuration, then starts the service and waits until it is ready.
	 * @throws dev.hangar.config.InvalidConfigurationException for configuration that
	 * cannot work
	 * @throws RuntimeException whatever stopped the Spring application from starting
	 */
	public RunningService start() {
		try {
			return startAsync().join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw ex;
		}
	}

	/**
	 * Starts the service on a thread of its own thread group, so that every thread its
	 * web server creates is tagged with the service's name in the log, as is the start
	 * itself.
	 */
	public CompletableFuture<RunningService> startAsync() {
		String name = this.definition.name();
		CompletableFuture<RunningService> result = new CompletableFuture<>();
		Thread starter = new Thread(ServiceLogContext.threadGroup(name), () -> {
			try {
				result.complete(ServiceLogContext.call(name, this::doStart));
			}
			catch (Throwable ex) {
				result.completeExceptionally(ex);
			}
		}, "hangar-start-" + name);
		starter.start();
		return result;
	}

	private RunningService doStart() {
		var scope = this.definition.scope();
		var layerList = this.layers.layersOf(scope);
		new UnknownKeyCheck(this.knownKeys, this.mode == ServiceMode.EMBEDDED).check(scope, layerList, logger::warn);
		if (this.mode == ServiceMode.STANDALONE) {
			PlainBootVariables.warnings(this.layers.inputs().environment(), scope).forEach(logger::warn);
		}
		DataDirectory.prepare(layerList);
		HangarEnvironment environment = HangarEnvironment.of(layerList);
		Instant started = Instant.now();
		SpringApplication application = new SpringApplication(this.definition.configuration(),
				ServiceSupportConfiguration.class);
		application.setEnvironment(environment);
		application.setRegisterShutdownHook(this.mode == ServiceMode.STANDALONE);
		if (this.mode == ServiceMode.EMBEDDED) {
			// One Logback per JVM: the runtime set it up; a service re-initialising it
			// would reset everyone's.
			List<ApplicationListener<?>> listeners = application.getListeners()
				.stream()
				.filter((listener) -> !(listener instanceof LoggingApplicationListener))
				.toList();
			application.setListeners(listeners);
			application.setLogStartupInfo(false);
		}
		ServiceIdentity identity = new ServiceIdentity(this.definition.name(), this.definition.instancing(), this.mode);
		application.addInitializers(
				(context) -> context.getBeanFactory().registerSingleton("hangarServiceIdentity", identity));
		if (this.mode == ServiceMode.EMBEDDED) {
			application.addInitializers((context) -> context.getBeanFactory()
				.registerSingleton(ProcessWideAutoConfigurationFilter.EMBEDDED_SERVICE_MARKER, Boolean.TRUE));
		}
		ConfigurableApplicationContext context = application.run();
		int port = (context instanceof WebServerApplicationContext web && web.getWebServer() != null)
				? web.getWebServer().getPort() : -1;
		return new RunningService(this.definition, context, port, Instant.now(),
				Duration.between(started, Instant.now()));
	}

}
