package dev.hangar.runtime.instances;

import java.nio.file.Path;

import dev.hangar.runtime.instances.InstanceLogs.LogChunk;

/**
 * One instance's log, read with offsets that stay valid while it is rotated.
 *
 * @param logs every instance's logs
 * @param file the instance's {@code output.log}
 */
record InstanceLog(InstanceLogs logs, Path file) {

	/** What was written from {@code offset} on, or from the log's start if it is gone. */
	LogChunk from(long offset) {
		return this.logs.chunk(this.file, offset);
	}

	/** The last {@code lines} lines, with the offset of the log's end. */
	LogChunk tail(int lines) {
		return this.logs.tail(this.file, lines);
	}

}
