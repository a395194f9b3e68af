package dev.hangar.settings;

import dev.hangar.service.Instancing;
import dev.hangar.service.ServiceDefinition;

/** The settings service, as the runtime and its own jar see it. */
public final class SettingsService implements ServiceDefinition {

	@Override
	public String name() {
		return "settings";
	}

	@Override
	public String description() {
		return "Stores JSON settings per user.";
	}

	@Override
	public int defaultPort() {
		return 9190;
	}

	@Override
	public Instancing instancing() {
		return Instancing.RUNTIME_ONLY;
	}

	@Override
	public Class<?> configuration() {
		return SettingsApplication.class;
	}

	@Override
	public String defaultsResource() {
		return "dev/hangar/settings/settings-defaults.yaml";
	}

}
