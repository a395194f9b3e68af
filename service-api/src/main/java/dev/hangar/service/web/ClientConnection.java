package dev.hangar.service.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The connection a request came on. A servlet learns that a client went away only when it writes
 * the answer; work that takes seconds (a render) asks {@link #isClosed()} between its steps and
 * stops when nobody is waiting for it. A request refused before its body was read says
 * {@link #closeAfterResponse()}, so that the server does not go on reading what a slow client
 * still sends.
 */
public interface ClientConnection {

	/** The request attribute that holds the request's connection. */
	String ATTRIBUTE = ClientConnection.class.getName();

	/** A connection that can be neither probed nor closed early, for requests outside Tomcat. */
	ClientConnection UNKNOWN = new ClientConnection() {

		@Override
		public boolean isClosed() {
			return false;
		}

		@Override
		public void closeAfterResponse() {
		}

	};

	/** Whether the client closed its connection (or it broke) while the request was being served. */
	boolean isClosed();

	/**
	 * The rest of the request's body will not be read: once the answer is sent, the connection
	 * closes, rather than the server reading (and throwing away) what the client still sends.
	 * Nothing happens when the body was read whole.
	 */
	void closeAfterResponse();

	/** The connection of {@code request}, or {@link #UNKNOWN}. */
	static ClientConnection of(HttpServletRequest request) {
		return (request.getAttribute(ATTRIBUTE) instanceof ClientConnection connection) ? connection : UNKNOWN;
	}

}
