package dev.hangar.runtime.instances;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * An instance as its folder holds it: the record, or why the record cannot be used.
 *
 * @param template the template, from the folder's parent
 * @param name the name, from the folder
 * @param file the instance's {@code instance.json}
 * @param record what the file holds, or null when it cannot be read
 * @param problem why it cannot be read (empty, not JSON, a field missing), or null
 */
record StoredInstance(String template, InstanceName name, Path file, @Nullable InstanceRecord record,
		@Nullable String problem) {

	static StoredInstance of(String template, InstanceName name, Path file, InstanceRecord record) {
		return new StoredInstance(template, name, file, record, null);
	}

	static StoredInstance broken(String template, InstanceName name, Path file, String problem) {
		return new StoredInstance(template, name, file, null, problem);
	}

}
