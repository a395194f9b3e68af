package dev.hangar.service.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The connection a request came on. A servlet learns that a client went away only when it
 * writes the answer; work that takes seconds (a render) asks {@link #isClosed()} between
 * its steps and stops when nobody is waiting for it. A request refused before its body
 * was read says {@link #closeAfterResponse()}, so that the server does not go on reading
 * what a slow client still sends.
 */
public interface ClientConnection {

	/** The request attribute that holds the request's connection. */
	String ATTRIBUTE = ClientConnection.class.getName();

	/**
	 * A connection that can be neither probed nor closed early, for requests outside
	 * Tomcat.
	 */
	ClientConnection UNKNOWN = new ClientConnection() {

		@Override
		public boolean isClosed() {
			return false;
		}

		@Override
		public void closeAfterResponse() {
		}

	};

	/**
	 * Whether the client closed its connection (or it broke) while the request was being
	 * served.
	 */
	boolean isClosed();

	/**
	 * The rest of the request's body will not be read: once the answer is sent, the
	 * connection closes, rather than the server reading (and throwing away) what the
	 * client still sends. Nothing happens when the body was read whole.
	 */
	void closeAfterResponse();

	/**
	 * Sends {@code body} as the whole answer to a request refused before its body was
	 * read (the status is set already), then closes the connection after it. The body
	 * goes out with its length and at once: the connection is then in an error state that
	 * would turn an answer not yet sent into a 500, and cut a chunked one short.
	 */
	static void refuseUnread(HttpServletRequest request, HttpServletResponse response, String contentType, String body)
			throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		response.setHeader("Connection", "close");
		response.setContentType(contentType);
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
		response.flushBuffer();
		of(request).closeAfterResponse();
	}

	/** The connection of {@code request}, or {@link #UNKNOWN}. */
	static ClientConnection of(HttpServletRequest request) {
		return (request.getAttribute(ATTRIBUTE) instanceof ClientConnection connection) ? connection : UNKNOWN;
	}

}
