package dev.hangar.runtime.instances;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.FileSystemUtils;

/**
 * Instances on disk: {@code <root>/<template>/<name>/instance.json}, with the instance's log and
 * data beside it. Every write goes to a temporary file that is forced to disk and renamed into
 * place, so a runtime killed at any moment leaves either the old record or the new one. Names are
 * validated ({@link InstanceName}) before they reach a path.
 */
class InstanceStore {

	private static final String RECORD = "instance.json";

	private final Path root;

	private final JsonMapper json = JsonMapper.builder().build();

	InstanceStore(Path root) {
		this.root = root;
	}

	Path directory(String template, InstanceName name) {
		return this.root.resolve(template).resolve(name.value());
	}

	List<InstanceRecord> loadAll() {
		List<InstanceRecord> records = new ArrayList<>();
		if (!Files.isDirectory(this.root)) {
			return records;
		}
		try (Stream<Path> files = Files.find(this.root, 3, (path, attributes) -> path.getFileName().toString().equals(RECORD))) {
			for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
				records.add(this.json.readValue(file.toFile(), InstanceRecord.class));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the instances under " + this.root, ex);
		}
		return records;
	}

	void save(InstanceRecord record) {
		Path dir = directory(record.template(), new InstanceName(record.name()));
		try {
			Files.createDirectories(dir);
			Path temporary = dir.resolve(RECORD + "." + UUID.randomUUID() + ".tmp");
			try {
				Files.write(temporary, this.json.writeValueAsBytes(record));
				try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
					channel.force(true);
				}
				Files.move(temporary, dir.resolve(RECORD), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			finally {
				Files.deleteIfExists(temporary);
			}
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
