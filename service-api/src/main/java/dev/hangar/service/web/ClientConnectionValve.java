package dev.hangar.service.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Gives every request a {@link ClientConnection} that asks Tomcat, with a non-blocking read of
 * the socket, whether the client has closed it: a read that meets the end of the stream (or an
 * error) leaves Tomcat reporting data available although none can be read. Asked twice, so that
 * a pipelined request, whose bytes Tomcat buffers at the first ask, is not taken for a closed
 * connection. Only the request's own thread may ask.
 */
public class ClientConnectionValve extends ValveBase {

	public ClientConnectionValve() {
		super(true);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		org.apache.coyote.Request coyote = request.getCoyoteRequest();
		request.setAttribute(ClientConnection.ATTRIBUTE, (ClientConnection) () -> reportsData(coyote) && reportsData(coyote));
		getNext().invoke(request, response);
	}

	private static boolean reportsData(org.apache.coyote.Request coyote) {
		coyote.action(ActionCode.AVAILABLE, Boolean.TRUE);
		return coyote.getAvailable() > 0;
	}

}
