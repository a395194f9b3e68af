package dev.hangar.service.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import dev.hangar.service.support.DiskFull;

/** Where {@link BodyBuffering} keeps a body while it arrives: memory, or a file. */
interface BodySink {

	void write(byte[] bytes, int length) throws IOException;

	long size();

	/** The whole body, for the handler. */
	ReceivedBody received() throws IOException;

	/** Drops what was received: the body will not be handled. */
	void discard();

	/** Whether a failed write to this sink came from a full disk. */
	default boolean isDiskFull(IOException failure) {
		return false;
	}

	/** A sink in memory, whose bytes are taken from {@code memory} as they arrive. */
	static BodySink memory(BodyMemory memory) {
		return new BodySink() {

			private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

			private boolean handedOn;

			@Override
			public void write(byte[] bytes, int length) throws IOException {
				if (!memory.take(length)) {
					throw new BodyMemoryFullException(memory);
				}
				this.bytes.write(bytes, 0, length);
			}

			@Override
			public long size() {
				return this.bytes.size();
			}

			@Override
			public ReceivedBody received() {
				this.handedOn = true;
				return ReceivedBody.inMemory(this.bytes.toByteArray(), memory);
			}

			@Override
			public void discard() {
				if (!this.handedOn) {
					this.handedOn = true;
					memory.give(this.bytes.size());
				}
			}

		};
	}

	/**
	 * A write refused because the bodies in memory hold all of {@code http.body-memory}.
	 */
	final class BodyMemoryFullException extends IOException {

		private static final long serialVersionUID = 1L;

		BodyMemoryFullException(BodyMemory memory) {
			super("The request bodies in memory hold all of http.body-memory (" + memory.budget() + " bytes)");
		}

	}

	/** A sink that writes to a new file in {@code directory}. */
	static BodySink file(Path directory) throws IOException {
		Path file = directory.resolve("upload-" + UUID.randomUUID() + ".part");
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		return new BodySink() {

			private long size;

			@Override
			public void write(byte[] bytes, int length) throws IOException {
				ByteBuffer chunk = ByteBuffer.wrap(bytes, 0, length);
				while (chunk.hasRemaining()) {
					channel.write(chunk);
				}
				this.size += length;
			}

			@Override
			public long size() {
				return this.size;
			}

			@Override
			public boolean isDiskFull(IOException failure) {
				return DiskFull.caused(failure, directory);
			}

			@Override
			public ReceivedBody received() throws IOException {
				channel.close();
				return ReceivedBody.inFile(file, this.size);
			}

			@Override
			public void discard() {
				try {
					channel.close();
					Files.deleteIfExists(file);
				}
				catch (IOException ex) {
					// Left for the service to clear at its next start.
				}
			}

		};
	}

}
