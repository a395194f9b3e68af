package dev.hangar.service.web;

import org.springframework.http.HttpStatus;

/** A request a service refuses: the status and message the client gets. */
public class RequestRefusedException extends RuntimeException {

	private final HttpStatus status;

	public RequestRefusedException(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	public HttpStatus status() {
		return this.status;
	}

}
