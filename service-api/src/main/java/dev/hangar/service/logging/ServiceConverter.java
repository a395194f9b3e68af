package dev.hangar.service.logging;

import java.util.Map;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The {@code %service} conversion word: the service a log line was written for, from the
 * event's MDC, else from the writing thread's group, else {@code runtime}. Console
 * appenders are synchronous, so the current thread is the one that logged.
 */
public class ServiceConverter extends ClassicConverter {

	@Override
	public String convert(ILoggingEvent event) {
		Map<String, String> mdc = event.getMDCPropertyMap();
		String service = (mdc != null) ? mdc.get(ServiceLogContext.MDC_KEY) : null;
		if (service == null) {
			ThreadGroup group = Thread.currentThread().getThreadGroup();
			if (group != null && group.getName().startsWith(ServiceLogContext.THREAD_GROUP_PREFIX)) {
				service = group.getName().substring(ServiceLogContext.THREAD_GROUP_PREFIX.length());
			}
		}
		return (service != null) ? service : "runtime";
	}

}
