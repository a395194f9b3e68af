package dev.hangar.service.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/** A request body received whole by {@link BodyBuffering}: in memory, or in a file. */
abstract class ReceivedBody {

	abstract long length();

	/** A stream of the body, for the handler. */
	abstract ServletInputStream open() throws IOException;

	/**
	 * Called once the request was handled: a file the handler did not take is deleted.
	 */
	abstract void discard();

	/**
	 * A body in memory, whose bytes go back to {@code memory} once the request was
	 * handled.
	 */
	static ReceivedBody inMemory(byte[] bytes, BodyMemory memory) {
		return new ReceivedBody() {

			private boolean discarded;

			@Override
			long length() {
				return bytes.length;
			}

			@Override
			ServletInputStream open() {
				return new Stream(new ByteArrayInputStream(bytes));
			}

			@Override
			void discard() {
				if (!this.discarded) {
					this.discarded = true;
					memory.give(bytes.length);
				}
			}

		};
	}

	static ReceivedBody inFile(Path file, long length) {
		return new ReceivedBody() {

			@Override
			long length() {
				return length;
			}

			@Override
			ServletInputStream open() throws IOException {
				return new SpooledBodyStream(Files.newInputStream(file), file, length);
			}

			@Override
			void discard() {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Cannot delete the received body " + file, ex);
				}
			}

		};
	}

	/** A body already received, read without waiting. */
	static class Stream extends ServletInputStream {

		private final InputStream in;

		private boolean finished;

		Stream(InputStream in) {
			this.in = in;
		}

		@Override
		public int read() throws IOException {
			int read = this.in.read();
			this.finished = read < 0;
			return read;
		}

		@Override
		public int read(byte[] target, int offset, int length) throws IOException {
			int read = this.in.read(target, offset, length);
			this.finished = read < 0;
			return read;
		}

		@Override
		public boolean isFinished() {
			return this.finished;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
			throw new IllegalStateException("The body was received already");
		}

		@Override
		public void close() throws IOException {
			this.in.close();
		}

	}

}
