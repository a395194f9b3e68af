package dev.hangar.thumbnails;

import dev.hangar.service.web.RequestRefusedException;

import org.springframework.http.HttpStatus;

/**
 * A render stopped before it finished: its client went away (nobody reads the answer), or
 * it ran past {@code render-timeout} (503, retry later).
 */
class RenderCancelledException extends RequestRefusedException {

	RenderCancelledException(String message) {
		super(HttpStatus.SERVICE_UNAVAILABLE, message);
	}

}
