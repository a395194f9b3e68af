package dev.hangar.settings;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a failure of the settings database without a stack trace: 507 when its disk is
 * full (nothing was changed, what was stored stays readable), 503 with Retry-After
 * otherwise. Either way the pooled connections are dropped, so that the next request
 * finds the database anew.
 */
@RestControllerAdvice(assignableTypes = SettingsController.class)
class DatabaseFailureHandler {

	private static final Log logger = LogFactory.getLog(DatabaseFailureHandler.class);

	private final SettingsDatabase database;

	DatabaseFailureHandler(SettingsDatabase database) {
		this.database = database;
	}

	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	ResponseEntity<ProblemDetail> failed(RuntimeException ex) {
		logger.error("The settings database failed", ex);
		this.database.reopen();
		if (SettingsDatabase.isDiskFull(ex)) {
			return problem(HttpStatus.INSUFFICIENT_STORAGE, "The disk that holds the settings database is full: "
					+ "nothing was changed, and stored settings stay readable. Writes work again once space is freed.");
		}
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "The settings database failed (" + ex.getClass().getSimpleName()
				+ "); nothing was changed. Retry later; the service log has the details.");
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(status.getReasonPhrase());
		return ResponseEntity.status(status).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
	}

}
