package dev.hangar.service.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Gives every request its {@link ClientConnection}, through Tomcat's connector API:
 * <ul>
 * <li>whether the client closed the connection is asked with a non-blocking read of the
 * socket: a read that meets the end of the stream (or an error) leaves Tomcat reporting
 * data available although none can be read. Asked twice, so that a pipelined request,
 * whose bytes Tomcat buffers at the first ask, is not taken for a closed connection. Only
 * the request's own thread may ask;</li>
 * <li>closing after the response turns off Tomcat's draining of an unread body
 * ("swallowing" up to {@code maxSwallowSize}), which would otherwise hold a thread for as
 * long as a slow client takes.</li>
 * </ul>
 */
public class ClientConnectionValve extends ValveBase {

	public ClientConnectionValve() {
		super(true);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		request.setAttribute(ClientConnection.ATTRIBUTE, new TomcatConnection(request.getCoyoteRequest()));
		getNext().invoke(request, response);
	}

	private static final class TomcatConnection implements ClientConnection {

		private final org.apache.coyote.Request coyote;

		TomcatConnection(org.apache.coyote.Request coyote) {
			this.coyote = coyote;
		}

		@Override
		public boolean isClosed() {
			return reportsData() && reportsData();
		}

		@Override
		public void closeAfterResponse() {
			AtomicBoolean fullyRead = new AtomicBoolean();
			this.coyote.action(ActionCode.REQUEST_BODY_FULLY_READ, fullyRead);
			if (!fullyRead.get()) {
				this.coyote.action(ActionCode.DISABLE_SWALLOW_INPUT, null);
			}
		}

		private boolean reportsData() {
			this.coyote.action(ActionCode.AVAILABLE, Boolean.TRUE);
			return this.coyote.getAvailable() > 0;
		}

	}

}
