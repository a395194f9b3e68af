package dev.hangar.service.web;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The memory that all request bodies received into memory may hold together
 * ({@code http.body-memory}). Bodies are received without a thread, so the number in
 * flight is bounded by connections, not threads: without this bound, many clients each
 * sending a body just under its limit could fill the heap between them.
 */
final class BodyMemory {

	private final long budget;

	private final AtomicLong used = new AtomicLong();

	BodyMemory(long budget) {
		this.budget = budget;
	}

	/**
	 * Takes {@code bytes} from the budget; false, taking nothing, when they are not free.
	 */
	boolean take(long bytes) {
		while (true) {
			long now = this.used.get();
			if (now + bytes > this.budget) {
				return false;
			}
			if (this.used.compareAndSet(now, now + bytes)) {
				return true;
			}
		}
	}

	void give(long bytes) {
		this.used.addAndGet(-bytes);
	}

	long budget() {
		return this.budget;
	}

	long used() {
		return this.used.get();
	}

}
