package dev.hangar.runtime.instances;

import java.util.concurrent.TimeUnit;

/**
 * Wakes the callers that wait for an instance to change state (ready, exited, failed,
 * deleted), so that {@code waitReady} answers when the change happens rather than at its
 * next poll. A caller takes the {@link #version()} before it reads the state and then
 * waits for a later one: a change between the two is not missed.
 */
final class InstanceStateChanges {

	private long version;

	synchronized long version() {
		return this.version;
	}

	synchronized void signal() {
		this.version++;
		notifyAll();
	}

	/**
	 * Waits until a change after version {@code seen}, or until {@code deadline}
	 * ({@link System#nanoTime()}).
	 */
	synchronized void awaitAfter(long seen, long deadline) throws InterruptedException {
		long left = deadline - System.nanoTime();
		while (this.version == seen && left > 0) {
			TimeUnit.NANOSECONDS.timedWait(this, left);
			left = deadline - System.nanoTime();
		}
	}

}
