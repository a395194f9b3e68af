package dev.hangar.storage.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.hangar.service.web.ClientConnection;

import org.springframework.http.HttpStatus;

/**
 * The plain-text refusals of the WebDAV layer: a status and one line that says what to do. A
 * refused request's unread body is not read: the connection closes after the answer.
 */
final class StorageResponses {

	private StorageResponses() {
	}

	static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String message)
			throws IOException {
		ClientConnection.of(request).closeAfterResponse();
		response.setStatus(status.value());
		response.setContentType("text/plain;charset=UTF-8");
		response.getWriter().write(message + "\n");
	}

}
