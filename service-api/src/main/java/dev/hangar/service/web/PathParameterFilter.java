package dev.hangar.service.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request paths with {@code ;} path parameters. Tomcat and Spring MVC strip them,
 * so {@code /users/a;b} would silently act on user {@code a}: a name from a user must be
 * taken as written or refused, never rewritten. An encoded {@code %3B} is a character of
 * the name and passes.
 */
public class PathParameterFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String uri = request.getRequestURI();
		if (uri.indexOf(';') >= 0) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			response.setContentType("application/problem+json");
			response.getWriter()
				.write("{\"title\":\"Bad Request\",\"status\":400,\"detail\":\"Path parameters (';') are not accepted in "
						+ "request paths.\"}");
			return;
		}
		chain.doFilter(request, response);
	}

}
