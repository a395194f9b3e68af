package dev.hangar.service.web;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers a {@link RequestRefusedException} as a problem detail with its status. */
@RestControllerAdvice
public class RequestRefusedHandler {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(RequestRefusedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		problem.setTitle(ex.status().getReasonPhrase());
		return ResponseEntity.status(ex.status()).body(problem);
	}

}
