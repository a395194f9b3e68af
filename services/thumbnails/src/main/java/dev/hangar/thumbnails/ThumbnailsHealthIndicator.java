package dev.hangar.thumbnails;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * UP when the service can do its work: a reader for every accepted input format and a
 * writer for every output format are installed in this JVM's ImageIO (a stripped-down JRE
 * may lack some). Its details also say how many render threads there are, how many
 * requests wait for one, and how much of the render memory is free.
 */
@Component("thumbnails")
class ThumbnailsHealthIndicator extends AbstractHealthIndicator {

	private final RenderWorkers workers;

	private final RenderMemory memory;

	ThumbnailsHealthIndicator(RenderWorkers workers, RenderMemory memory) {
		this.workers = workers;
		this.memory = memory;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		List<String> readers = Arrays.stream(ImageIO.getReaderFormatNames())
			.map((n) -> n.toLowerCase(Locale.ROOT))
			.toList();
		List<String> writers = Arrays.stream(ImageIO.getWriterFormatNames())
			.map((n) -> n.toLowerCase(Locale.ROOT))
			.toList();
		List<String> missingReaders = ImageDecoder.ACCEPTED.stream()
			.filter((f) -> !readers.contains(f))
			.sorted()
			.toList();
		List<String> missingWriters = Arrays.stream(ThumbnailFormat.values())
			.map(ThumbnailFormat::imageIoName)
			.filter((f) -> !writers.contains(f))
			.toList();
		builder.withDetail("inputFormats", ImageDecoder.ACCEPTED.stream().sorted().toList())
			.withDetail("missingReaders", missingReaders)
			.withDetail("missingWriters", missingWriters)
			.withDetail("renderThreads", this.workers.threads())
			.withDetail("waitingForRender", this.workers.waiting())
			.withDetail("renderMemoryBytes", this.memory.budgetBytes())
			.withDetail("renderMemoryFreeBytes", this.memory.freeBytes());
		if (missingReaders.isEmpty() && missingWriters.isEmpty()) {
			builder.up();
		}
		else {
			builder.down();
		}
	}

}
