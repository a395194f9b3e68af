package dev.hangar.storage;

/**
 * A write that does not fit: it would take the space past its quota, or the disk holding it is
 * full. Answered 507 Insufficient Storage; nothing of the write is left behind.
 */
public class InsufficientStorageException extends RuntimeException {

	public InsufficientStorageException(String message) {
		super(message);
	}

	public InsufficientStorageException(String message, Throwable cause) {
		super(message, cause);
	}

}
