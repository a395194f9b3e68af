package dev.hangar.service.web;

import org.springframework.http.HttpStatus;

/**
 * A request refused, with the HTTP status and the message the client gets: the one
 * exception type for every refusal, in the services and the runtime's management API
 * alike.
 */
public class RequestRefusedException extends RuntimeException {

	private final HttpStatus status;

	public RequestRefusedException(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	public RequestRefusedException(HttpStatus status, String message, Throwable cause) {
		super(message, cause);
		this.status = status;
	}

	public HttpStatus status() {
		return this.status;
	}

	/** What the client is told: never null. */
	@Override
	public String getMessage() {
		String message = super.getMessage();
		return (message != null) ? message : this.status.getReasonPhrase();
	}

}
