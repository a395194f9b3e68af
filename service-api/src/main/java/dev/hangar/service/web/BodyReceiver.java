package dev.hangar.service.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;

/**
 * Receives one body by non-blocking reads, then dispatches the request to its handler. A
 * body refused part-way (too large, no room for it) is answered at once; what the client
 * still sends is read and thrown away, still without a thread, until it ends or the time
 * is up, and then the connection closes. Ending the request before its body would make
 * Tomcat drain the rest on a thread.
 */
final class BodyReceiver implements ReadListener, AsyncListener {

	private final HttpServletRequest request;

	private final AsyncContext async;

	private final long limit;

	private final String limitKey;

	private final String timeoutMessage;

	private final Consumer<ReceivedBody> received;

	private final BodySink sink;

	private final ServletInputStream in;

	private final byte[] buffer = new byte[64 * 1024];

	/** Set once the request was answered or handed on: nothing more is kept. */
	private final AtomicBoolean finished = new AtomicBoolean();

	/** Set when the request was answered before its body ended. */
	private volatile boolean refused;

	/**
	 * @param limit the most bytes the body may have
	 * @param limitKey the key of the limit, named when it is passed
	 * @param timeoutMessage what a client whose body came too late is told
	 * @param received takes the whole body before the request is dispatched to its
	 * handler
	 */
	BodyReceiver(HttpServletRequest request, AsyncContext async, BodySink sink, long limit, String limitKey,
			String timeoutMessage, Consumer<ReceivedBody> received) throws IOException {
		this.request = request;
		this.async = async;
		this.sink = sink;
		this.limit = limit;
		this.limitKey = limitKey;
		this.timeoutMessage = timeoutMessage;
		this.received = received;
		this.in = request.getInputStream();
	}

	@Override
	public void onDataAvailable() throws IOException {
		while (this.in.isReady()) {
			int read = this.in.read(this.buffer);
			if (read < 0 || this.finished.get()) {
				continue;
			}
			if (this.sink.size() + read > this.limit) {
				refuse(HttpStatus.CONTENT_TOO_LARGE, "The request body is more than " + this.limit
						+ " bytes; the limit is " + this.limit + " bytes (" + this.limitKey + ").");
				continue;
			}
			try {
				this.sink.write(this.buffer, read);
			}
			catch (BodySink.BodyMemoryFullException ex) {
				refuse(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage() + "; retry later.");
			}
			catch (IOException ex) {
				refuse(HttpStatus.INSUFFICIENT_STORAGE, this.sink.isDiskFull(ex)
						? "The disk is full: the request body could not be kept while it arrived, and nothing was "
								+ "stored. Free some space and retry."
						: "The request body could not be kept while it arrived (" + ex.getMessage()
								+ "); nothing was stored.");
			}
		}
	}

	@Override
	public void onAllDataRead() throws IOException {
		if (this.finished.compareAndSet(false, true)) {
			this.received.accept(this.sink.received());
			this.async.dispatch();
		}
		else if (this.refused) {
			this.async.complete();
		}
	}

	@Override
	public void onError(Throwable failure) {
		// The client went away or broke the body: nobody is left to answer.
		this.finished.set(true);
		this.sink.discard();
		this.async.complete();
	}

	@Override
	public void onTimeout(AsyncEvent event) throws IOException {
		if (this.finished.compareAndSet(false, true)) {
			this.sink.discard();
			send(HttpStatus.REQUEST_TIMEOUT, this.timeoutMessage);
		}
		this.async.complete();
	}

	@Override
	public void onComplete(AsyncEvent event) {
		if (!this.finished.get() || this.refused) {
			this.sink.discard();
		}
	}

	@Override
	public void onError(AsyncEvent event) {
		onError(event.getThrowable());
	}

	@Override
	public void onStartAsync(AsyncEvent event) {
	}

	/**
	 * Answers now; the rest of the body is read and thrown away, and the request ends
	 * with it.
	 */
	private void refuse(HttpStatus status, String message) throws IOException {
		if (this.finished.compareAndSet(false, true)) {
			this.refused = true;
			this.sink.discard();
			send(status, message);
		}
	}

	/**
	 * Sends the whole answer at once, with its length. Tomcat's way of closing without
	 * reading the rest of the body would put the request in an error state that ends it
	 * before its completion is handled, so this request ends by its body ending or its
	 * time running out.
	 */
	private void send(HttpStatus status, String message) throws IOException {
		HttpServletResponse response = (HttpServletResponse) this.async.getResponse();
		byte[] body = BodyBuffering.problem(status, message).getBytes(StandardCharsets.UTF_8);
		response.setStatus(status.value());
		response.setHeader("Connection", "close");
		response.setContentType("application/problem+json");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}

}
