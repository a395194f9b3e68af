package dev.hangar.service.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether the client of a request is still there. A servlet learns that a client went away only
 * when it writes the answer; work that takes seconds (a render) asks this between its steps and
 * stops when nobody is waiting for it.
 */
@FunctionalInterface
public interface ClientConnection {

	/** The request attribute that holds the request's connection. */
	String ATTRIBUTE = ClientConnection.class.getName();

	/** A connection that never reports its client gone, for requests that cannot be probed. */
	ClientConnection UNKNOWN = () -> false;

	/** Whether the client closed its connection (or it broke) while the request was being served. */
	boolean isClosed();

	/** The connection of {@code request}, or {@link #UNKNOWN}. */
	static ClientConnection of(HttpServletRequest request) {
		return (request.getAttribute(ATTRIBUTE) instanceof ClientConnection connection) ? connection : UNKNOWN;
	}

}
