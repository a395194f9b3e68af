package dev.hangar.runtime.instances;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dev.hangar.service.support.AtomicFiles;

import org.springframework.util.FileSystemUtils;

/**
 * Instances on disk: {@code <root>/<template>/<name>/instance.json}, with the instance's
 * log and data beside it. Every write goes to a temporary file that is forced to disk and
 * renamed into place, so a runtime killed at any moment leaves either the old record or
 * the new one. Names are validated ({@link InstanceName}) before they reach a path.
 */
class InstanceStore {

	private static final Log logger = LogFactory.getLog(InstanceStore.class);

	private static final String RECORD = "instance.json";

	private final Path root;

	private final JsonMapper json = JsonMapper.builder().build();

	InstanceStore(Path root) {
		this.root = root;
	}

	/** The folder of every template's folder. */
	Path root() {
		return this.root;
	}

	Path directory(String template, InstanceName name) {
		return this.root.resolve(template).resolve(name.value());
	}

	/**
	 * Every instance that has a folder with an {@code instance.json}. The folders are the
	 * truth: an instance is {@code <template>/<name>} of its folder, whatever its file
	 * says, and a file that cannot be read makes that one instance broken, never the
	 * whole list unreadable.
	 */
	List<StoredInstance> loadAll() {
		List<StoredInstance> instances = new ArrayList<>();
		if (!Files.isDirectory(this.root)) {
			return instances;
		}
		for (Path templateDir : subdirectories(this.root)) {
			for (Path instanceDir : subdirectories(templateDir)) {
				Path file = instanceDir.resolve(RECORD);
				if (!Files.exists(file)) {
					continue;
				}
				String template = templateDir.getFileName().toString();
				String folder = instanceDir.getFileName().toString();
				if (!InstanceName.PATTERN.matcher(folder).matches()) {
					logger.warn("Ignoring " + instanceDir + ": '" + folder + "' is not an instance name.");
					continue;
				}
				instances.add(load(template, new InstanceName(folder), file));
			}
		}
		return instances;
	}

	/**
	 * Reads one instance again, as {@link #loadAll()} does: after an operator fixed its
	 * file, say.
	 */
	StoredInstance load(String template, InstanceName name) {
		return load(template, name, directory(template, name).resolve(RECORD));
	}

	private StoredInstance load(String template, InstanceName name, Path file) {
		InstanceRecord record;
		try {
			byte[] bytes = Files.readAllBytes(file);
			if (bytes.length == 0) {
				return StoredInstance.broken(template, name, file, "it is empty");
			}
			record = this.json.readValue(bytes, InstanceRecord.class);
		}
		catch (JacksonException ex) {
			return StoredInstance.broken(template, name, file,
					"it is not a valid instance record: " + ex.getOriginalMessage());
		}
		catch (IOException ex) {
			return StoredInstance.broken(template, name, file, "it cannot be read: " + ex.getMessage());
		}
		if (record == null || record.wanted() == null || record.created() == null || record.port() <= 0) {
			return StoredInstance.broken(template, name, file, "it lacks 'wanted', 'created' or 'port'");
		}
		if (!template.equals(record.template()) || !name.value().equals(record.name())) {
			logger.warn(file + " names instance " + record.template() + "/" + record.name() + ", but its folder is "
					+ template + "/" + name + ": the folder is the truth, and the file is corrected.");
			record = record.named(template, name.value());
			save(record);
		}
		return StoredInstance.of(template, name, file, record);
	}

	private static List<Path> subdirectories(Path directory) {
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.filter(Files::isDirectory).sorted(Comparator.naturalOrder()).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the instances under " + directory, ex);
		}
	}

	void save(InstanceRecord record) {
		Path dir = directory(record.template(), new InstanceName(record.name()));
		try {
			Files.createDirectories(dir);
			AtomicFiles.write(dir.resolve(RECORD), this.json.writeValueAsBytes(record));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot save instance " + record.template() + "/" + record.name(), ex);
		}
	}

	void delete(String template, InstanceName name) {
		try {
			FileSystemUtils.deleteRecursively(directory(template, name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete instance " + template + "/" + name, ex);
		}
	}

}
