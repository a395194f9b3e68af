package dev.hangar.service;

import java.util.List;

import dev.hangar.config.ConfigLayer;

import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;

/**
 * A Spring environment that holds Hangar's configuration layers and nothing else: no JVM
 * system properties and no raw process environment, which would apply to every service of
 * the JVM at once.
 */
public final class HangarEnvironment extends StandardEnvironment {

	private HangarEnvironment() {
	}

	/** An environment with {@code layers}, highest precedence first. */
	public static HangarEnvironment of(List<ConfigLayer> layers) {
		HangarEnvironment environment = new HangarEnvironment();
		layers.forEach((layer) -> environment.getPropertySources().addLast(layer.source()));
		return environment;
	}

	@Override
	protected void customizePropertySources(MutablePropertySources propertySources) {
	}

}
