package dev.hangar.storage;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.hangar.service.ConnectorDefinition;

/**
 * The storage connector code. Built in: {@code storage-users} (port 9158) and
 * {@code storage-system} (port 9215), each rooted under the data dir; a user adds more,
 * such as {@code storage-archive}, with a {@code storage-archive.yaml} that sets at least
 * {@code http.port}.
 */
public final class StorageConnector implements ConnectorDefinition {

	@Override
	public String code() {
		return "storage";
	}

	@Override
	public String description() {
		return "Serves a storage space over WebDAV";
	}

	@Override
	public Map<String, Integer> builtInConnectors() {
		Map<String, Integer> connectors = new LinkedHashMap<>();
		connectors.put("storage-users", 9158);
		connectors.put("storage-system", 9215);
		return connectors;
	}

	@Override
	public Class<?> configuration() {
		return StorageApplication.class;
	}

	@Override
	public String defaultsResource() {
		return "dev/hangar/storage/storage-defaults.yaml";
	}

	/**
	 * Each connector's root defaults to
	 * {@code <data dir>/storage/<name without "storage-">}.
	 */
	@Override
	public Map<String, Object> defaults(String name) {
		return Map.of("root", "${data-dir}/storage/" + name.substring(code().length() + 1));
	}

}
