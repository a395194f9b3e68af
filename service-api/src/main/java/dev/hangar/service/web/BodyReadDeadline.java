package dev.hangar.service.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds how long a body read by a waiting thread may take, the way Apache's
 * mod_reqtimeout does: {@code http.body-timeout}, extended by a second for every
 * {@code http.body-min-rate} bytes received. A body that arrives slower is cut off with
 * 408 and the connection closed, so that a client trickling a byte at a time cannot hold
 * a thread for long. Tomcat's own socket timeout starts again with every byte and would
 * never cut such a client off.
 */
public class BodyReadDeadline extends OncePerRequestFilter {

	/** Its filter order: after {@link BodyBuffering}, whose bodies it need not watch. */
	public static final int ORDER = BodyBuffering.ORDER + 1;

	private final Duration timeout;

	private final long minBytesPerSecond;

	private final Clock clock;

	public BodyReadDeadline(Duration timeout, long minBytesPerSecond, Clock clock) {
		this.timeout = timeout;
		this.minBytesPerSecond = minBytesPerSecond;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if ((request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null)
				|| BodyBuffering.isReceived(request)) {
			chain.doFilter(request, response);
			return;
		}
		Deadline deadline = new Deadline(this.clock.instant());
		try {
			chain.doFilter(new WithDeadline(request, deadline), response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (!deadline.missed || response.isCommitted()) {
				throw ex;
			}
		}
		if (deadline.missed && !response.isCommitted()) {
			response.reset();
			response.setStatus(HttpStatus.REQUEST_TIMEOUT.value());
			ClientConnection.refuseUnread(request, response, "text/plain;charset=UTF-8", deadline.message() + "\n");
		}
	}

	/** When a body's bytes are due, given how many have come. */
	final class Deadline {

		private final Instant start;

		private long received;

		private boolean missed;

		Deadline(Instant start) {
			this.start = start;
		}

		void received(long bytes) {
			this.received += bytes;
		}

		/** Throws once the body is later than its bytes allow. */
		void check() {
			Duration allowed = BodyReadDeadline.this.timeout
				.plusMillis(this.received * 1000 / Math.max(1, BodyReadDeadline.this.minBytesPerSecond));
			if (Duration.between(this.start, BodyReadDeadline.this.clock.instant()).compareTo(allowed) > 0) {
				this.missed = true;
				throw new UncheckedIOException(new IOException(message()));
			}
		}

		String message() {
			return "The request body came too slowly: " + this.received + " bytes in "
					+ Duration.between(this.start, BodyReadDeadline.this.clock.instant()).toSeconds()
					+ " s (http.body-timeout " + BodyReadDeadline.this.timeout.toSeconds() + " s, then at least "
					+ BodyReadDeadline.this.minBytesPerSecond + " bytes a second, http.body-min-rate).";
		}

	}

	private static final class WithDeadline extends BodyReplacingRequest {

		private final Deadline deadline;

		WithDeadline(HttpServletRequest request, Deadline deadline) {
			super(request);
			this.deadline = deadline;
		}

		@Override
		protected ServletInputStream openBody() throws IOException {
			return new Timed(getRequest().getInputStream(), this.deadline);
		}

	}

	private static final class Timed extends ServletInputStream {

		private final ServletInputStream in;

		private final Deadline deadline;

		Timed(ServletInputStream in, Deadline deadline) {
			this.in = in;
			this.deadline = deadline;
		}

		@Override
		public int read() throws IOException {
			this.deadline.check();
			int read = this.in.read();
			if (read >= 0) {
				this.deadline.received(1);
			}
			this.deadline.check();
			return read;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			this.deadline.check();
			int read = this.in.read(buffer, offset, length);
			if (read > 0) {
				this.deadline.received(read);
			}
			this.deadline.check();
			return read;
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

		@Override
		public int available() throws IOException {
			return this.in.available();
		}

		@Override
		public void close() throws IOException {
			this.in.close();
		}

	}

}
