package dev.hangar.storage.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;

/** The plain-text refusals of the WebDAV layer: a status and one line that says what to do. */
final class StorageResponses {

	private StorageResponses() {
	}

	static void refuse(HttpServletResponse response, HttpStatus status, String message) throws IOException {
		response.setStatus(status.value());
		response.setContentType("text/plain;charset=UTF-8");
		response.getWriter().write(message + "\n");
	}

}
