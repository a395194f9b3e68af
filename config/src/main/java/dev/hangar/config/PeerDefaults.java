package dev.hangar.config;

import java.util.Map;

/**
 * Defaults a scope takes from other scopes' configuration: thumbnails finds where a
 * storage connector listens in that connector's own layers, so that moving the
 * connector's port (in {@code storage-users.yaml} or {@code STORAGE_USERS_HTTP_PORT})
 * moves thumbnails' source too. They rank above the scope's built-in defaults and below
 * everything the scope sets itself.
 */
@FunctionalInterface
public interface PeerDefaults {

	PeerDefaults NONE = (peers) -> Map.of();

	/**
	 * The defaults, each with where it came from.
	 * @param peers the other scopes' own settings
	 */
	Map<String, ConfigEntry> resolve(PeerSettings peers);

}
