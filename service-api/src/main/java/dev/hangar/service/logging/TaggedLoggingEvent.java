package dev.hangar.service.logging;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * A logging event whose MDC names the service it was written for, and the instance in an
 * instance's process, for every line: Spring Boot's structured formats write the MDC as
 * fields, but a line from a thread of a service's Tomcat carries its service in the
 * thread's group, not in the MDC. Everything else is the event's own.
 */
final class TaggedLoggingEvent implements ILoggingEvent {

	/** The MDC key that holds the instance's name in an instance's process. */
	static final String INSTANCE_KEY = "hangar.instance";

	private final ILoggingEvent event;

	private final Map<String, String> mdc;

	TaggedLoggingEvent(ILoggingEvent event, @Nullable String instance) {
		this.event = event;
		Map<String, String> mdc = new LinkedHashMap<>(event.getMDCPropertyMap());
		mdc.put(ServiceLogContext.MDC_KEY, ServiceLogContext.serviceOf(event));
		if (instance != null) {
			mdc.put(INSTANCE_KEY, instance);
		}
		this.mdc = mdc;
	}

	@Override
	public Map<String, String> getMDCPropertyMap() {
		return this.mdc;
	}

	@Override
	@Deprecated
	public Map<String, String> getMdc() {
		return this.mdc;
	}

	@Override
	public String getThreadName() {
		return this.event.getThreadName();
	}

	@Override
	public Level getLevel() {
		return this.event.getLevel();
	}

	@Override
	public String getMessage() {
		return this.event.getMessage();
	}

	@Override
	public Object[] getArgumentArray() {
		return this.event.getArgumentArray();
	}

	@Override
	public String getFormattedMessage() {
		return this.event.getFormattedMessage();
	}

	@Override
	public String getLoggerName() {
		return this.event.getLoggerName();
	}

	@Override
	public LoggerContextVO getLoggerContextVO() {
		return this.event.getLoggerContextVO();
	}

	@Override
	public IThrowableProxy getThrowableProxy() {
		return this.event.getThrowableProxy();
	}

	@Override
	public StackTraceElement[] getCallerData() {
		return this.event.getCallerData();
	}

	@Override
	public boolean hasCallerData() {
		return this.event.hasCallerData();
	}

	@Override
	public List<Marker> getMarkerList() {
		return this.event.getMarkerList();
	}

	@Override
	public long getTimeStamp() {
		return this.event.getTimeStamp();
	}

	@Override
	public int getNanoseconds() {
		return this.event.getNanoseconds();
	}

	@Override
	public Instant getInstant() {
		return this.event.getInstant();
	}

	@Override
	public long getSequenceNumber() {
		return this.event.getSequenceNumber();
	}

	@Override
	public List<KeyValuePair> getKeyValuePairs() {
		return this.event.getKeyValuePairs();
	}

	@Override
	public void prepareForDeferredProcessing() {
		this.event.prepareForDeferredProcessing();
	}

}
