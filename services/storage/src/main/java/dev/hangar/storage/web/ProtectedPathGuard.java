package dev.hangar.storage.web;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;

/**
 * Refuses, before anything is touched, every request that would delete, replace or move
 * the root of the space or copy anything onto it, whatever the spelling of the path or
 * the {@code Destination}, and every request that names a folder the connector keeps for
 * itself. Tomcat's WebdavServlet empties a collection before it finds that the collection
 * itself cannot be replaced, so for the root it has to be stopped here.
 */
public class ProtectedPathGuard extends SpaceRequestFilter {

	/** Methods that delete or replace the resource the request path names. */
	private static final Set<String> REPLACING_THE_TARGET = Set.of("DELETE", "MOVE", "PUT");

	/** Methods that write to the resource the Destination header names. */
	private static final Set<String> WRITING_THE_DESTINATION = Set.of("COPY", "MOVE");

	private final Set<String> reservedNames;

	/**
	 * @param reservedNames top-level names the connector keeps for itself: no request may
	 * name them or anything under them
	 */
	public ProtectedPathGuard(Set<String> reservedNames) {
		this.reservedNames = reservedNames;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String method = request.getMethod();
		Optional<String> target = pathInSpace(request);
		if (target.isEmpty()) {
			StorageResponses.refuse(request, response, HttpStatus.BAD_REQUEST,
					"The request path cannot be read as a path in the space.");
			return;
		}
		if (isReserved(target.get())) {
			StorageResponses.refuse(request, response, HttpStatus.FORBIDDEN,
					"'" + topLevelName(target.get()) + "' is reserved for the storage connector's own use.");
			return;
		}
		if (REPLACING_THE_TARGET.contains(method) && target.get().equals(SpacePath.ROOT)) {
			StorageResponses.refuse(request, response, HttpStatus.FORBIDDEN,
					"The root of the storage space cannot be "
							+ (method.equals("PUT") ? "replaced" : method.equals("MOVE") ? "moved" : "deleted")
							+ "; name a file or folder inside it.");
			return;
		}
		if (WRITING_THE_DESTINATION.contains(method)) {
			String header = request.getHeader("Destination");
			if (header == null || header.isBlank()) {
				StorageResponses.refuse(request, response, HttpStatus.BAD_REQUEST,
						method + " needs a Destination header.");
				return;
			}
			Optional<String> destination = SpacePath.ofDestination(header);
			if (destination.isEmpty()) {
				StorageResponses.refuse(request, response, HttpStatus.BAD_REQUEST,
						"The Destination '" + header + "' cannot be read as a path in the space.");
				return;
			}
			if (destination.get().equals(SpacePath.ROOT)) {
				StorageResponses.refuse(request, response, HttpStatus.FORBIDDEN,
						"Nothing can be " + (method.equals("COPY") ? "copied" : "moved")
								+ " onto the root of the storage space; name a Destination inside it.");
				return;
			}
			if (isReserved(destination.get())) {
				StorageResponses.refuse(request, response, HttpStatus.FORBIDDEN,
						"'" + topLevelName(destination.get()) + "' is reserved for the storage connector's own use.");
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private boolean isReserved(String path) {
		return this.reservedNames.contains(topLevelName(path));
	}

	private static String topLevelName(String path) {
		int slash = path.indexOf('/', 1);
		return (slash < 0) ? path.substring(1) : path.substring(1, slash);
	}

}
