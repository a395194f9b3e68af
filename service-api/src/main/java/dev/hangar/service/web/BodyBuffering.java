package dev.hangar.service.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import dev.hangar.service.HttpProperties;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Receives the body of the requests its rules name without holding a thread while the bytes
 * come: the body is collected by non-blocking reads into memory, or into a file for large ones,
 * bounded by the rule's limit (413 as soon as it is passed) and by {@code http.body-timeout}
 * (408), and the request goes on to its handler only once the whole body is there. A client that
 * sends its body a byte at a time costs a connection, not one of the service's threads, so it
 * cannot starve the others (health included).
 */
public class BodyBuffering extends OncePerRequestFilter {

	/**
	 * Its filter order: after the service's own guards (which refuse a request before its body is
	 * received), before {@link BodyReadDeadline}.
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

	private static final String BODY = BodyBuffering.class.getName() + ".body";

	private final List<Rule> rules;

	private final Duration timeout;

	private final BodyMemory memory;

	/**
	 * @param timeout how long a whole body may take to arrive
	 * @param memory the most bytes all bodies received into memory may hold together
	 * @param rules which requests to buffer, each with its limit
	 */
	public BodyBuffering(Duration timeout, long memory, Rule... rules) {
		this.timeout = timeout;
		this.memory = new BodyMemory(memory);
		this.rules = List.of(rules);
	}

	/**
	 * A registration of the filter for a service's rules, with the service's
	 * {@code http.body-timeout} and {@code http.body-memory}.
	 */
	public static FilterRegistrationBean<BodyBuffering> registration(HttpProperties http, Rule... rules) {
		FilterRegistrationBean<BodyBuffering> registration = new FilterRegistrationBean<>(
				new BodyBuffering(http.bodyTimeout(), http.bodyMemoryBudget().toBytes(), rules));
		registration.setOrder(ORDER);
		registration.setAsyncSupported(true);
		return registration;
	}

	/** Whether the body of {@code request} was received already, so that nothing waits on reading it. */
	static boolean isReceived(HttpServletRequest request) {
		return request.getAttribute(BODY) != null;
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getAttribute(BODY) instanceof ReceivedBody body) {
			try {
				chain.doFilter(new ReceivedBodyRequest(request, body), response);
			}
			finally {
				body.discard();
			}
			return;
		}
		Rule rule = ruleFor(request);
		if (rule == null || !hasBody(request) || !request.isAsyncSupported()) {
			chain.doFilter(request, response);
			return;
		}
		long limit = rule.limit().getAsLong();
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			refuse(request, response, HttpStatus.CONTENT_TOO_LARGE,
					"The request body is " + declared + " bytes; the limit is " + limit + " bytes (" + rule.limitKey() + ").");
			return;
		}
		BodySink sink = (rule.spoolDirectory() != null) ? BodySink.file(rule.spoolDirectory().get())
				: BodySink.memory(this.memory);
		AsyncContext async = request.startAsync();
		async.setTimeout(this.timeout.toMillis());
		Receiver receiver = new Receiver(request, async, rule, limit, sink);
		async.addListener(receiver);
		request.getInputStream().setReadListener(receiver);
	}

	private @Nullable Rule ruleFor(HttpServletRequest request) {
		for (Rule rule : this.rules) {
			if (rule.applies().test(request)) {
				return rule;
			}
		}
		return null;
	}

	private static boolean hasBody(HttpServletRequest request) {
		return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String message) throws IOException {
		response.setStatus(status.value());
		ClientConnection.refuseUnread(request, response, "application/problem+json", problem(status, message));
	}

	private static String problem(HttpStatus status, String message) {
		return "{\"title\":\"" + status.getReasonPhrase() + "\",\"status\":" + status.value() + ",\"detail\":\""
				+ message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
	}

	/**
	 * Which requests to buffer, and where.
	 *
	 * @param applies whether a request is one
	 * @param limit the most bytes its body may have
	 * @param limitKey the configuration key of the limit, named in a refusal
	 * @param spoolDirectory where to keep the body in a file while it arrives, or null to keep it
	 * in memory; the handler gets a {@link SpooledBodyStream} then
	 */
	public record Rule(Predicate<HttpServletRequest> applies, LongSupplier limit, String limitKey,
			@Nullable Supplier<Path> spoolDirectory) {

		/** A rule whose bodies are kept in memory. */
		public Rule(Predicate<HttpServletRequest> applies, LongSupplier limit, String limitKey) {
			this(applies, limit, limitKey, null);
		}

	}

	/**
	 * Receives one body by non-blocking reads, then dispatches the request to its handler. A body
	 * refused part-way (too large, no room for it) is answered at once; what the client still
	 * sends is read and thrown away, still without a thread, until it ends or the time is up, and
	 * then the connection closes. Ending the request before its body would make Tomcat drain the
	 * rest on a thread.
	 */
	private final class Receiver implements ReadListener, AsyncListener {

		private final HttpServletRequest request;

		private final AsyncContext async;

		private final Rule rule;

		private final long limit;

		private final BodySink sink;

		private final ServletInputStream in;

		private final byte[] buffer = new byte[64 * 1024];

		/** Set once the request was answered or handed on: nothing more is kept. */
		private final AtomicBoolean finished = new AtomicBoolean();

		/** Set when the request was answered before its body ended. */
		private volatile boolean refused;

		Receiver(HttpServletRequest request, AsyncContext async, Rule rule, long limit, BodySink sink) throws IOException {
			this.request = request;
			this.async = async;
			this.rule = rule;
			this.limit = limit;
			this.sink = sink;
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
							+ " bytes; the limit is " + this.limit + " bytes (" + this.rule.limitKey() + ").");
					continue;
				}
				try {
					this.sink.write(this.buffer, read);
				}
				catch (BodySink.BodyMemoryFullException ex) {
					refuse(HttpStatus.SERVICE_UNAVAILABLE, "This service holds as many request bodies in memory as it "
							+ "may (http.body-memory, " + BodyBuffering.this.memory.budget() + " bytes); retry later.");
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
				this.request.setAttribute(BODY, this.sink.received());
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
				send(HttpStatus.REQUEST_TIMEOUT, "The request body did not arrive within "
						+ BodyBuffering.this.timeout.toSeconds() + " s (http.body-timeout).");
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

		/** Answers now; the rest of the body is read and thrown away, and the request ends with it. */
		private void refuse(HttpStatus status, String message) throws IOException {
			if (this.finished.compareAndSet(false, true)) {
				this.refused = true;
				this.sink.discard();
				send(status, message);
			}
		}

		/**
		 * Sends the whole answer at once, with its length. Tomcat's way of closing without reading
		 * the rest of the body would put the request in an error state that ends it before its
		 * completion is handled, so this request ends by its body ending or its time running out.
		 */
		private void send(HttpStatus status, String message) throws IOException {
			HttpServletResponse response = (HttpServletResponse) this.async.getResponse();
			byte[] body = problem(status, message).getBytes(StandardCharsets.UTF_8);
			response.setStatus(status.value());
			response.setHeader("Connection", "close");
			response.setContentType("application/problem+json");
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
			response.flushBuffer();
		}

	}

}
