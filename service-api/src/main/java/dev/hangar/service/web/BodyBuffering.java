package dev.hangar.service.web;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Receives the body of the requests its rules name without holding a thread while the
 * bytes come: the body is collected by non-blocking reads into memory, or into a file for
 * large ones, bounded by the rule's limit (413 as soon as it is passed) and by
 * {@code http.body-timeout} (408), and the request goes on to its handler only once the
 * whole body is there. A client that sends its body a byte at a time costs a connection,
 * not one of the service's threads, so it cannot starve the others (health included).
 */
public class BodyBuffering extends OncePerRequestFilter {

	/**
	 * Its filter order: after the service's own guards (which refuse a request before its
	 * body is received), before {@link BodyReadDeadline}.
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
	 * A registration of the filter for a service's rules.
	 * @param timeout the service's {@code http.body-timeout}
	 * @param memory the service's {@code http.body-memory}, in bytes
	 */
	public static FilterRegistrationBean<BodyBuffering> registration(Duration timeout, long memory, Rule... rules) {
		FilterRegistrationBean<BodyBuffering> registration = new FilterRegistrationBean<>(
				new BodyBuffering(timeout, memory, rules));
		registration.setOrder(ORDER);
		registration.setAsyncSupported(true);
		return registration;
	}

	/**
	 * Whether the body of {@code request} was received already, so that nothing waits on
	 * reading it.
	 */
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
			refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "The request body is " + declared
					+ " bytes; the limit is " + limit + " bytes (" + rule.limitKey() + ").");
			return;
		}
		BodySink sink = (rule.spoolDirectory() != null) ? BodySink.file(rule.spoolDirectory().get())
				: BodySink.memory(this.memory);
		AsyncContext async = request.startAsync();
		async.setTimeout(this.timeout.toMillis());
		BodyReceiver receiver = new BodyReceiver(request, async, sink, limit, rule.limitKey(),
				"The request body did not arrive within " + this.timeout.toSeconds() + " s (http.body-timeout).",
				(body) -> request.setAttribute(BODY, body));
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

	static String problem(HttpStatus status, String message) {
		return "{\"title\":\"" + status.getReasonPhrase() + "\",\"status\":" + status.value() + ",\"detail\":\""
				+ message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
	}

	/**
	 * Which requests to buffer, and where.
	 *
	 * @param applies whether a request is one
	 * @param limit the most bytes its body may have
	 * @param limitKey the configuration key of the limit, named in a refusal
	 * @param spoolDirectory where to keep the body in a file while it arrives, or null to
	 * keep it in memory; the handler gets a {@link SpooledBodyStream} then
	 */
	public record Rule(Predicate<HttpServletRequest> applies, LongSupplier limit, String limitKey,
			@Nullable Supplier<Path> spoolDirectory) {

		/** A rule whose bodies are kept in memory. */
		public Rule(Predicate<HttpServletRequest> applies, LongSupplier limit, String limitKey) {
			this(applies, limit, limitKey, null);
		}

	}

}
