package dev.hangar.settings;

/** A write that would take a user past a configured limit. */
class SettingsLimitException extends RuntimeException {

	SettingsLimitException(String message) {
		super(message);
	}

}
