package dev.hangar.runtime.instances;

/** A refused operation on instances, with the HTTP status that says why. */
public class InstanceException extends RuntimeException {

	private final int status;

	public InstanceException(int status, String message) {
		super(message);
		this.status = status;
	}

	public int status() {
		return this.status;
	}

}
