package dev.hangar.service.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the body of the requests its rules name without holding a thread while the bytes come:
 * the body is collected by non-blocking reads, bounded by the rule's limit (413 as soon as it is
 * passed) and by {@code http.body-timeout} (408), and the request goes on to its handler only once
 * the whole body is in memory. A client that sends its body a byte at a time costs a connection,
 * not one of the service's threads, so it cannot starve the others (health included).
 */
public class BodyBuffering extends OncePerRequestFilter {

	/** Its filter order: early, after the log tag and the path check, before any service's own filters. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

	/**
	 * A registration of the filter for a service's rules, with the service's {@code http.body-timeout}.
	 */
	public static FilterRegistrationBean<BodyBuffering> registration(Duration timeout, Rule... rules) {
		FilterRegistrationBean<BodyBuffering> registration = new FilterRegistrationBean<>(new BodyBuffering(timeout, rules));
		registration.setOrder(ORDER);
		registration.setAsyncSupported(true);
		return registration;
	}

	private static final String BODY = BodyBuffering.class.getName() + ".body";

	private final List<Rule> rules;

	private final Duration timeout;

	/**
	 * @param timeout how long a whole body may take to arrive
	 * @param rules which requests to buffer, each with its limit
	 */
	public BodyBuffering(Duration timeout, Rule... rules) {
		this.timeout = timeout;
		this.rules = List.of(rules);
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getAttribute(BODY) instanceof byte[] body) {
			chain.doFilter(new Buffered(request, body), response);
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
		AsyncContext async = request.startAsync();
		async.setTimeout(this.timeout.toMillis());
		Collector collector = new Collector(request, async, rule, limit);
		async.addListener(collector);
		request.getInputStream().setReadListener(collector);
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
		ClientConnection.refuseUnread(request, response, "application/problem+json",
				"{\"title\":\"" + status.getReasonPhrase() + "\",\"status\":" + status.value() + ",\"detail\":\""
						+ message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
	}

	/**
	 * Which requests to buffer.
	 *
	 * @param applies whether a request is one
	 * @param limit the most bytes its body may have
	 * @param limitKey the configuration key of the limit, named in a refusal
	 */
	public record Rule(Predicate<HttpServletRequest> applies, LongSupplier limit, String limitKey) {
	}

	/** Collects one body by non-blocking reads, then dispatches the request to its handler. */
	private final class Collector implements ReadListener, AsyncListener {

		private final HttpServletRequest request;

		private final AsyncContext async;

		private final Rule rule;

		private final long limit;

		private final ServletInputStream in;

		private final ByteArrayOutputStream body = new ByteArrayOutputStream();

		private final byte[] buffer = new byte[8192];

		private final AtomicBoolean finished = new AtomicBoolean();

		Collector(HttpServletRequest request, AsyncContext async, Rule rule, long limit) throws IOException {
			this.request = request;
			this.async = async;
			this.rule = rule;
			this.limit = limit;
			this.in = request.getInputStream();
		}

		@Override
		public void onDataAvailable() throws IOException {
			while (!this.finished.get() && this.in.isReady()) {
				int read = this.in.read(this.buffer);
				if (read < 0) {
					return;
				}
				this.body.write(this.buffer, 0, read);
				if (this.body.size() > this.limit) {
					answer(HttpStatus.CONTENT_TOO_LARGE, "The request body is more than " + this.limit
							+ " bytes; the limit is " + this.limit + " bytes (" + this.rule.limitKey() + ").");
					return;
				}
			}
		}

		@Override
		public void onAllDataRead() {
			if (this.finished.compareAndSet(false, true)) {
				this.request.setAttribute(BODY, this.body.toByteArray());
				this.async.dispatch();
			}
		}

		@Override
		public void onError(Throwable failure) {
			// The client went away or broke the body: nobody is left to answer.
			if (this.finished.compareAndSet(false, true)) {
				this.async.complete();
			}
		}

		@Override
		public void onTimeout(AsyncEvent event) throws IOException {
			answer(HttpStatus.REQUEST_TIMEOUT, "The request body did not arrive within "
					+ BodyBuffering.this.timeout.toSeconds() + " s (http.body-timeout).");
		}

		@Override
		public void onComplete(AsyncEvent event) {
		}

		@Override
		public void onError(AsyncEvent event) {
			onError(event.getThrowable());
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
		}

		private void answer(HttpStatus status, String message) throws IOException {
			if (this.finished.compareAndSet(false, true)) {
				refuse(this.request, (HttpServletResponse) this.async.getResponse(), status, message);
				this.async.complete();
			}
		}

	}

	/** The request with its body read already, served from memory. */
	private static final class Buffered extends HttpServletRequestWrapper {

		private final byte[] body;

		Buffered(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] target, int offset, int length) {
					return in.read(target, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new IllegalStateException("The body was read already");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			Charset charset = (getCharacterEncoding() != null) ? Charset.forName(getCharacterEncoding())
					: StandardCharsets.UTF_8;
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

	}

}
