package dev.hangar.runtime.startup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * What the java command line of a service's instance holds between {@code java} and the
 * service's own arguments: the startup cache to run from when the service has one ready,
 * else {@code -jar runtime.jar}. The one thing the instances ask of the startup caches.
 */
public interface ServiceLaunchOptions {

	/** The JVM options and the jar an instance of {@code service} starts with. */
	List<String> javaOptions(String service);

	/** An instance of {@code service} is ready: its service may now get a cache. */
	default void instanceReady(String service) {
	}

	/** Whether instances get startup caches at all. */
	default boolean cachesEnabled() {
		return false;
	}

	/**
	 * Where each service's cache stands that was asked for: preparing, ready or failed.
	 */
	default Map<String, String> cacheStates() {
		return Map.of();
	}

	/** Called once the runtime is ready. */
	default void start() {
	}

	/** Called as the runtime stops: a training run under way is given up. */
	default void stop() {
	}

	/**
	 * Whether a process with {@code arguments} runs from a startup cache: also right for
	 * a process an earlier runtime started.
	 */
	static boolean runsFromCache(String[] arguments) {
		return Arrays.stream(arguments)
			.anyMatch((argument) -> Arrays.stream(CacheFormat.values())
				.anyMatch((format) -> format.isUseOption(argument)));
	}

	/** Every instance starts from {@code runtimeJar} as it is. */
	static ServiceLaunchOptions withoutCaches(Path runtimeJar) {
		List<String> options = List.of("-jar", runtimeJar.toString());
		return (service) -> options;
	}

	/**
	 * The options of instances started from {@code runtimeJar}, which get startup caches
	 * in {@code dataDir} if {@code enabled} and the runtime runs from a jar.
	 * @param services every built-in service, which a training run must not take
	 * configuration for
	 */
	static ServiceLaunchOptions of(boolean enabled, Path runtimeJar, Path dataDir, Duration trainingTimeout,
			List<String> services) {
		if (!enabled) {
			return withoutCaches(runtimeJar);
		}
		if (!Files.isRegularFile(runtimeJar)) {
			Log logger = LogFactory.getLog(ServiceLaunchOptions.class);
			logger.info("Instances start without a startup cache: this runtime does not run from a jar (" + runtimeJar
					+ ")");
			return withoutCaches(runtimeJar);
		}
		StartupCaches caches = new StartupCaches(StartupCacheRoot.in(dataDir), ApplicationLayout.of(runtimeJar),
				JavaRuntime.current(), trainingTimeout);
		return new ServiceStartupCaches(caches, withoutCaches(runtimeJar), services);
	}

}
