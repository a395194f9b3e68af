package dev.hangar.runtime.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every call that changes state (any method but GET, HEAD and OPTIONS) must present the
 * runtime's secret as {@code Authorization: Bearer <secret>}; a wrong or missing one gets
 * 401 and changes nothing. Without a configured secret, every such call is refused.
 */
public class ManagementCredentialFilter extends OncePerRequestFilter {

	private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

	private final byte @Nullable [] secret;

	public ManagementCredentialFilter(@Nullable String secret) {
		this.secret = (secret != null && !secret.isBlank()) ? secret.getBytes(StandardCharsets.UTF_8) : null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (READS.contains(request.getMethod()) || isAuthorized(request.getHeader("Authorization"))) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader("WWW-Authenticate", "Bearer realm=\"hangar\"");
		response.setContentType("application/problem+json");
		String detail = (this.secret == null)
				? "This runtime has no secret, so it accepts no state-changing call. Run 'runtime.jar init' and restart it."
				: "Present the runtime's secret (runtime.secret in hangar.yaml) as 'Authorization: Bearer <secret>'.";
		response.getWriter().write("{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"" + detail + "\"}");
	}

	private boolean isAuthorized(@Nullable String header) {
		if (this.secret == null || header == null || !header.startsWith("Bearer ")) {
			return false;
		}
		byte[] presented = header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
		return MessageDigest.isEqual(presented, this.secret);
	}

}
