package dev.hangar.service.logging;

import java.util.Map;
import java.util.function.Supplier;

import ch.qos.logback.classic.spi.ILoggingEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/** Puts a service's name in the MDC of the current thread while some work runs. */
public final class ServiceLogContext {

	/** The MDC key that holds the service's name. */
	public static final String MDC_KEY = "hangar.service";

	/** Threads of a service's own thread group have names that start with this. */
	public static final String THREAD_GROUP_PREFIX = "hangar-";

	private ServiceLogContext() {
	}

	/**
	 * Puts {@code service} in the MDC of the current thread until the returned tag is
	 * closed, which restores what was there before: {@code try (Tag tag =
	 * ServiceLogContext.tag(name)) {...}}.
	 */
	public static Tag tag(String service) {
		String previous = MDC.get(MDC_KEY);
		MDC.put(MDC_KEY, service);
		return () -> restore(previous);
	}

	/**
	 * Runs {@code work} with {@code service} in the MDC, restoring what was there before.
	 */
	public static <T> T call(String service, Supplier<T> work) {
		try (Tag tag = tag(service)) {
			return work.get();
		}
	}

	/**
	 * A thread group whose threads, and the threads they create, are tagged with
	 * {@code service}.
	 */
	public static ThreadGroup threadGroup(String service) {
		return new ThreadGroup(THREAD_GROUP_PREFIX + service);
	}

	/** The service the current thread works for, or {@code null}. */
	public static @Nullable String current() {
		String service = MDC.get(MDC_KEY);
		return (service != null) ? service : ofThreadGroup();
	}

	/**
	 * The service {@code event} was written for: from its MDC, else from the writing
	 * thread's group (appenders that call this are synchronous, so the current thread is
	 * the one that logged), else {@code runtime}.
	 */
	public static String serviceOf(ILoggingEvent event) {
		Map<String, String> mdc = event.getMDCPropertyMap();
		String service = (mdc != null) ? mdc.get(MDC_KEY) : null;
		if (service == null) {
			service = ofThreadGroup();
		}
		return (service != null) ? service : "runtime";
	}

	/** The service whose thread group the current thread is in, or {@code null}. */
	private static @Nullable String ofThreadGroup() {
		ThreadGroup group = Thread.currentThread().getThreadGroup();
		if (group != null && group.getName().startsWith(THREAD_GROUP_PREFIX)) {
			return group.getName().substring(THREAD_GROUP_PREFIX.length());
		}
		return null;
	}

	/**
	 * A service's name in the MDC, removed (or the previous one put back) when closed.
	 */
	@FunctionalInterface
	public interface Tag extends AutoCloseable {

		@Override
		void close();

	}

	private static void restore(@Nullable String previous) {
		if (previous != null) {
			MDC.put(MDC_KEY, previous);
		}
		else {
			MDC.remove(MDC_KEY);
		}
	}

}
