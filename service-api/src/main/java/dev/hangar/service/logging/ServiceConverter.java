package dev.hangar.service.logging;

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
		return ServiceLogContext.serviceOf(event);
	}

}
