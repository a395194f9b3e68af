package dev.hangar.storage.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A filter in front of a storage space's WebDAV servlet. It runs on the dispatch that
 * follows a body read without a thread ({@code BodyBuffering}) too, where a request the
 * filter let in is answered, and it reads the request's path as a path in the space.
 */
abstract class SpaceRequestFilter extends OncePerRequestFilter {

	@Override
	protected final boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	/**
	 * The request's path in the space, canonical, or empty if it cannot be read as one.
	 */
	protected static Optional<String> pathInSpace(HttpServletRequest request) {
		return SpacePath.canonical(request.getRequestURI().substring(request.getContextPath().length()));
	}

}
