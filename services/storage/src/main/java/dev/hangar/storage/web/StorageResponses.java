package dev.hangar.storage.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.hangar.service.web.ClientConnection;

import org.springframework.http.HttpStatus;

/**
 * The plain-text refusals of the WebDAV layer: a status and one line that says what to
 * do. A refused request's unread body is not read: the connection closes after the
 * answer.
 */
final class StorageResponses {

	private StorageResponses() {
	}

	static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String message)
			throws IOException {
		response.setStatus(status.value());
		ClientConnection.refuseUnread(request, response, "text/plain;charset=UTF-8", message + "\n");
	}

}
