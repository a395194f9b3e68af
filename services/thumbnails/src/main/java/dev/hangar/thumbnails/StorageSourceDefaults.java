package dev.hangar.thumbnails;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.hangar.config.ConfigEntry;
import dev.hangar.config.PeerDefaults;
import dev.hangar.config.PeerSettings;

/**
 * Where thumbnails finds each storage connector, read from the connector's own
 * configuration: {@code STORAGE_USERS_HTTP_PORT=9300}, or {@code http.port} in
 * {@code storage-users.yaml}, makes {@code storage.sources.storage-users}
 * {@code http://127.0.0.1:9300} too, and a connector added by configuration
 * ({@code storage-archive.yaml}) becomes a source. A source set in thumbnails' own
 * configuration still wins.
 */
final class StorageSourceDefaults implements PeerDefaults {

	/**
	 * The built-in connectors and their default ports, as the storage connectors ship
	 * them.
	 */
	private static final Map<String, Integer> BUILT_IN = Map.of("storage-users", 9158, "storage-system", 9215);

	private static final String PREFIX = "storage-";

	@Override
	public Map<String, ConfigEntry> resolve(PeerSettings peers) {
		Set<String> connectors = new TreeSet<>(BUILT_IN.keySet());
		peers.configuredScopes().stream().filter((name) -> name.startsWith(PREFIX)).forEach(connectors::add);
		Map<String, ConfigEntry> sources = new LinkedHashMap<>();
		for (String connector : connectors) {
			Optional<ConfigEntry> port = peers.own(connector, "http.port");
			Optional<ConfigEntry> host = peers.ownOrGlobal(connector, "http.host");
			if (port.isEmpty() && host.isEmpty()) {
				continue;
			}
			if (port.isEmpty() && !BUILT_IN.containsKey(connector)) {
				continue;
			}
			String address = host.map(ConfigEntry::value)
				.filter((value) -> !value.isBlank())
				.map(StorageSourceDefaults::reachable)
				.orElse("127.0.0.1");
			String number = port.map(ConfigEntry::value).orElseGet(() -> String.valueOf(BUILT_IN.get(connector)));
			String origin = port.map(ConfigEntry::origin).orElseGet(() -> host.get().origin());
			String key = "storage.sources." + connector;
			sources.put(key, new ConfigEntry(key, "http://" + address + ":" + number, origin));
		}
		return sources;
	}

	/**
	 * An address to call a service bound to {@code host} at: one bound to every interface
	 * is reached on loopback.
	 */
	private static String reachable(String host) {
		if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
			return "127.0.0.1";
		}
		return (host.contains(":") && !host.startsWith("[")) ? "[" + host + "]" : host;
	}

}
