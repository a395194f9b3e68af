package dev.hangar.runtime.supervision;

import java.time.Duration;

/** What the driver of a {@link Lifecycle} is to do after an event. */
public sealed interface Action {

	/** Start the unit (launch the process, start the context). */
	record Start() implements Action {
	}

	/**
	 * Ask the unit to stop, and report {@link Lifecycle#stopTimedOut()} after
	 * {@code timeout}.
	 */
	record Stop(Duration timeout) implements Action {
	}

	/** Stop the unit at once: it did not stop when asked (SIGKILL). */
	record Kill() implements Action {
	}

	/** Report {@link Lifecycle#backoffElapsed()} after {@code delay}. */
	record StartAfter(Duration delay) implements Action {
	}

	/**
	 * Drop the timers set for earlier actions: a pending start or kill no longer applies.
	 */
	record CancelTimers() implements Action {
	}

	/** The unit is FAILED after {@code quickFailures} quick failures in a row: say so. */
	record Failed(int quickFailures) implements Action {
	}

}
