package dev.hangar.service.logging;

import ch.qos.logback.core.rolling.RollingFileAppender;

/**
 * Spring Boot's rolling log file, written only when {@code logging.file.name} (or
 * {@code logging.file.path}) names one. Hangar's one Logback configuration declares it
 * always; without a file it neither starts nor complains about events it is given.
 */
public class OptionalFileAppender<E> extends RollingFileAppender<E> {

	private boolean enabled;

	@Override
	public void start() {
		String file = getFile();
		this.enabled = file != null && !file.isBlank() && !file.contains("_IS_UNDEFINED");
		if (this.enabled) {
			super.start();
		}
	}

	@Override
	public void doAppend(E event) {
		if (this.enabled) {
			super.doAppend(event);
		}
	}

}
