package dev.hangar.runtime.supervision;

import java.time.Duration;

/**
 * When a unit that stopped on its own is started again: at once if it ran at least
 * {@code minUptime}; otherwise that is a quick failure, and it is started after a wait
 * that doubles from {@code backoffInitial} up to {@code backoffMax}, until
 * {@code maxQuickFailures} in a row make it FAILED. One that is asked to stop gets
 * {@code stopTimeout} before it is killed.
 *
 * @param minUptime how long a run must last not to count as a quick failure
 * @param backoffInitial the wait after the first quick failure
 * @param backoffMax the longest wait
 * @param maxQuickFailures how many quick failures in a row make the unit FAILED
 * @param stopTimeout how long a unit asked to stop has before it is killed
 */
public record RestartPolicy(Duration minUptime, Duration backoffInitial, Duration backoffMax, int maxQuickFailures,
		Duration stopTimeout) {

	/**
	 * The wait before the start that follows quick failure number {@code failures} (1 for
	 * the first).
	 */
	Duration backoff(int failures) {
		Duration wait = this.backoffInitial.multipliedBy(1L << Math.min(20, failures - 1));
		return (wait.compareTo(this.backoffMax) > 0) ? this.backoffMax : wait;
	}

}
