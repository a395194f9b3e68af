package dev.hangar.runtime.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The life of one supervised unit as a state machine: an operator's wish or something the
 * unit did comes in as an event, the actions to take go out ({@link Action}), and the
 * {@link RestartPolicy} decides when a unit that stopped on its own starts again. It runs
 * nothing and waits for nothing; time comes from a {@link Clock}. Not thread-safe: one
 * driver thread feeds it.
 *
 * <p>
 * Unlike s6, a unit that never signals readiness is not delayed a fixed second, and a
 * crash loop backs off; unlike supervisord, the limit of quick failures is configurable
 * and the FAILED state is visible (in health).
 */
public final class Lifecycle {

	private final RestartPolicy policy;

	private final Clock clock;

	private LifecycleState state;

	private Wanted wanted;

	private int restarts;

	private @Nullable String lastExit;

	private int quickFailures;

	private @Nullable Instant startedAt;

	private boolean restartAfterExit;

	private Lifecycle(RestartPolicy policy, Clock clock, LifecycleState state, Wanted wanted, int restarts,
			@Nullable String lastExit) {
		this.policy = policy;
		this.clock = clock;
		this.state = state;
		this.wanted = wanted;
		this.restarts = restarts;
		this.lastExit = lastExit;
	}

	/** A unit that was never started. */
	public static Lifecycle created(RestartPolicy policy, Clock clock) {
		return new Lifecycle(policy, clock, LifecycleState.DOWN, Wanted.DOWN, 0, null);
	}

	/** A unit as it was kept: down (or FAILED) until it is started or adopted. */
	public static Lifecycle restored(RestartPolicy policy, Clock clock, Wanted wanted, int restarts,
			@Nullable String lastExit, boolean failed) {
		return new Lifecycle(policy, clock, failed ? LifecycleState.FAILED : LifecycleState.DOWN, wanted, restarts,
				lastExit);
	}

	// ---------------------------------------------------------------- what an operator
	// wants

	/**
	 * Wanted up: started if it is not running; a FAILED unit gets a fresh count of quick
	 * failures.
	 */
	public List<Action> up() {
		this.quickFailures = 0;
		return want(Wanted.UP);
	}

	/**
	 * Wanted to run once: started if it is not running, and not restarted when it stops.
	 */
	public List<Action> once() {
		return want(Wanted.ONCE);
	}

	/** Wanted down: asked to stop if it runs; a pending start is dropped. */
	public List<Action> down() {
		this.wanted = Wanted.DOWN;
		this.restartAfterExit = false;
		return switch (this.state) {
			case STARTING, UP -> stop();
			case BACKOFF -> {
				this.state = LifecycleState.DOWN;
				yield List.of(new Action.CancelTimers());
			}
			default -> List.of(new Action.CancelTimers());
		};
	}

	/**
	 * The supervisor itself stops: the unit is asked to stop, and what is wanted of it is
	 * kept, so that the next supervisor brings it back as it was.
	 */
	public List<Action> halt() {
		this.restartAfterExit = false;
		return switch (this.state) {
			case STARTING, UP -> stop();
			case STOPPING -> List.of();
			default -> List.of(new Action.CancelTimers());
		};
	}

	/** Stopped and started again; started at once if it is not running. */
	public List<Action> restart() {
		return switch (this.state) {
			case STARTING, UP -> {
				this.restartAfterExit = true;
				yield stop();
			}
			case STOPPING -> {
				this.restartAfterExit = true;
				yield List.of();
			}
			default -> start(new Action.CancelTimers());
		};
	}

	// ---------------------------------------------------------------- what the unit did

	/** The unit was started (its process launched). */
	public void started() {
		this.state = LifecycleState.STARTING;
		this.startedAt = this.clock.instant();
	}

	/**
	 * A unit left running by an earlier supervisor was taken over; it started at
	 * {@code startedAt}.
	 */
	public void adopted(Instant startedAt) {
		this.state = LifecycleState.STARTING;
		this.startedAt = startedAt;
	}

	/** The unit could not be started at all: a quick failure. */
	public List<Action> startFailed(String why) {
		this.lastExit = "could not start: " + why;
		return quickFailure();
	}

	/** The unit said it is ready. */
	public void ready() {
		if (this.state == LifecycleState.STARTING) {
			this.state = LifecycleState.UP;
		}
	}

	/**
	 * The unit stopped, asked to or not; {@code how} says how (an exit code, a signal).
	 */
	public List<Action> exited(String how) {
		this.lastExit = how;
		boolean asked = this.state == LifecycleState.STOPPING;
		if (this.restartAfterExit) {
			this.restartAfterExit = false;
			this.restarts++;
			return start(new Action.CancelTimers());
		}
		if (asked || this.wanted != Wanted.UP) {
			this.state = LifecycleState.DOWN;
			if (this.wanted == Wanted.ONCE) {
				this.wanted = Wanted.DOWN;
			}
			return List.of(new Action.CancelTimers());
		}
		Duration uptime = Duration.between((this.startedAt != null) ? this.startedAt : this.clock.instant(),
				this.clock.instant());
		if (uptime.compareTo(this.policy.minUptime()) >= 0) {
			this.quickFailures = 0;
			this.restarts++;
			return start();
		}
		return quickFailure();
	}

	/** The wait after a quick failure is over. */
	public List<Action> backoffElapsed() {
		if (this.state != LifecycleState.BACKOFF || this.wanted != Wanted.UP) {
			return List.of();
		}
		this.restarts++;
		return start();
	}

	/** The unit was asked to stop {@code stop-timeout} ago. */
	public List<Action> stopTimedOut() {
		return (this.state == LifecycleState.STOPPING) ? List.of(new Action.Kill()) : List.of();
	}

	// ---------------------------------------------------------------- what it is

	public LifecycleState state() {
		return this.state;
	}

	public Wanted wanted() {
		return this.wanted;
	}

	/** Whether it runs (started, ready or not, or stopping). */
	public boolean isRunning() {
		return this.state == LifecycleState.STARTING || this.state == LifecycleState.UP
				|| this.state == LifecycleState.STOPPING;
	}

	public boolean isReady() {
		return this.state == LifecycleState.UP;
	}

	public boolean isFailed() {
		return this.state == LifecycleState.FAILED;
	}

	/** How many times it was started again, by the policy or an operator's restart. */
	public int restarts() {
		return this.restarts;
	}

	/** How it last stopped, or null. */
	public @Nullable String lastExit() {
		return this.lastExit;
	}

	/** When the running unit started, or null. */
	public @Nullable Instant startedAt() {
		return isRunning() ? this.startedAt : null;
	}

	// ---------------------------------------------------------------- the policy

	private List<Action> want(Wanted next) {
		this.wanted = next;
		return switch (this.state) {
			case DOWN, BACKOFF, FAILED -> start(new Action.CancelTimers());
			case STOPPING -> {
				// Asked to stop, now wanted again: started once it has stopped.
				this.restartAfterExit = true;
				yield List.of();
			}
			default -> List.of();
		};
	}

	private List<Action> start(Action... before) {
		this.state = LifecycleState.STARTING;
		List<Action> actions = new ArrayList<>(List.of(before));
		actions.add(new Action.Start());
		return actions;
	}

	private List<Action> stop() {
		this.state = LifecycleState.STOPPING;
		return List.of(new Action.CancelTimers(), new Action.Stop(this.policy.stopTimeout()));
	}

	private List<Action> quickFailure() {
		this.quickFailures++;
		if (this.quickFailures >= this.policy.maxQuickFailures()) {
			this.state = LifecycleState.FAILED;
			return List.of(new Action.Failed(this.quickFailures));
		}
		this.state = LifecycleState.BACKOFF;
		return List.of(new Action.StartAfter(this.policy.backoff(this.quickFailures)));
	}

}
