package dev.hangar.runtime.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every call to the management API must present the runtime's secret as
 * {@code Authorization: Bearer <secret>}, except reads of state: health, info, metrics,
 * the services and the instances' status. A read that reveals more (an instance's log)
 * and every call that changes state need it; a wrong or missing one gets 401 and changes
 * nothing. Without a configured secret, every such call is refused. What is open is
 * listed here, so that an endpoint added later is closed until it is listed.
 */
public class ManagementCredentialFilter extends OncePerRequestFilter {

	private static final Set<String> READS = Set.of("GET", "HEAD");

	/** Reads that show only state, open to anyone who reaches the (loopback) port. */
	private static final Pattern OPEN_READS = Pattern
		.compile("/actuator(/health(/[a-z-]+)*|/info|/prometheus|/services)?/?|/api/instances(/[^/]+){0,2}/?");

	private final ManagementSecret secret;

	public ManagementCredentialFilter(ManagementSecret secret) {
		this.secret = secret;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isOpenRead(request) || request.getMethod().equals("OPTIONS")) {
			chain.doFilter(request, response);
			return;
		}
		byte[] secret = this.secret.current();
		if (isAuthorized(secret, request.getHeader("Authorization"))) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader("WWW-Authenticate", "Bearer realm=\"hangar\"");
		response.setContentType("application/problem+json");
		String detail = (secret == null)
				? "This runtime has no secret, so it answers this call to no one. Run 'runtime.jar init': the runtime reads the new secret at once."
				: "Present the runtime's secret (runtime.secret in hangar.yaml) as 'Authorization: Bearer <secret>'.";
		response.getWriter().write("{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"" + detail + "\"}");
	}

	private static boolean isOpenRead(HttpServletRequest request) {
		// The path as the container decoded and normalized it, without path parameters.
		String path = request.getServletPath() + ((request.getPathInfo() != null) ? request.getPathInfo() : "");
		return READS.contains(request.getMethod()) && OPEN_READS.matcher(path).matches();
	}

	private static boolean isAuthorized(byte @Nullable [] secret, @Nullable String header) {
		if (secret == null || header == null || !header.startsWith("Bearer ")) {
			return false;
		}
		byte[] presented = header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
		return MessageDigest.isEqual(presented, secret);
	}

}
