package dev.hangar.storage.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * Bounds the WebDAV locks a space holds ({@code max-locks}). Tomcat's WebdavServlet keeps
 * every lock in memory, with its owner, for up to a week, and takes any number of shared
 * locks on one resource: without a bound, an unauthenticated client could fill the heap
 * with LOCK requests. Past the bound a new lock gets 507 (a lock refreshed, or taken once
 * another is released or has expired, still works). Counted from the tokens Tomcat hands
 * out and takes back; a lock that Tomcat drops with its deleted resource is counted until
 * it would have expired.
 */
public class LockLimit extends SpaceRequestFilter {

	/** Tomcat's default lock timeout, and its most. */
	private static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);

	private static final Duration MAX_TIMEOUT = Duration.ofDays(7);

	private final int maxLocks;

	private final Clock clock;

	/** Live lock tokens and when each expires. */
	private final Map<String, Instant> locks = new ConcurrentHashMap<>();

	public LockLimit(int maxLocks, Clock clock) {
		this.maxLocks = maxLocks;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String method = request.getMethod();
		if (method.equals("LOCK") && !isAsyncDispatch(request) && request.getHeader("If") == null && isFull()) {
			StorageResponses.refuse(request, response, HttpStatus.INSUFFICIENT_STORAGE,
					"This space holds " + this.locks.size()
							+ " locks, the most it keeps (max-locks). Unlock some, or wait until they expire.");
			return;
		}
		chain.doFilter(request, response);
		if (request.isAsyncStarted()) {
			return;
		}
		int status = response.getStatus();
		if (method.equals("LOCK") && (status == 200 || status == 201)) {
			String token = response.getHeader("Lock-Token");
			if (token != null) {
				this.locks.put(token, this.clock.instant().plus(timeout(request.getHeader("Timeout"))));
			}
		}
		else if (method.equals("UNLOCK") && status == 204 && request.getHeader("Lock-Token") != null) {
			this.locks.remove(request.getHeader("Lock-Token").trim());
		}
	}

	/** Live locks now. */
	int count() {
		purgeExpired();
		return this.locks.size();
	}

	private boolean isFull() {
		return count() >= this.maxLocks;
	}

	private void purgeExpired() {
		Instant now = this.clock.instant();
		this.locks.values().removeIf(now::isAfter);
	}

	/** How long Tomcat keeps a lock taken with this {@code Timeout} header. */
	static Duration timeout(@Nullable String header) {
		if (header == null) {
			return DEFAULT_TIMEOUT;
		}
		for (String value : header.split(",")) {
			String trimmed = value.trim();
			if (trimmed.equalsIgnoreCase("Infinite")) {
				return MAX_TIMEOUT;
			}
			if (trimmed.regionMatches(true, 0, "Second-", 0, 7)) {
				try {
					Duration seconds = Duration.ofSeconds(Long.parseLong(trimmed.substring(7)));
					return (seconds.compareTo(MAX_TIMEOUT) > 0) ? MAX_TIMEOUT : seconds;
				}
				catch (NumberFormatException ex) {
					// Not a number: Tomcat tries the next value, and so does this.
				}
			}
		}
		return DEFAULT_TIMEOUT;
	}

}
