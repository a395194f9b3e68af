package dev.hangar.storage;

/** A write that would take a space past its quota; answered 507 Insufficient Storage. */
public class QuotaExceededException extends RuntimeException {

	public QuotaExceededException(String message) {
		super(message);
	}

}
