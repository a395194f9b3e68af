package dev.hangar.runtime.supervision;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hangar.service.test.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The restart policy, event by event, on a clock that moves only when told: no process,
 * no sleep.
 */
class LifecycleTest {

	private final TestClock clock = new TestClock();

	private final RestartPolicy policy = new RestartPolicy(Duration.ofSeconds(5), Duration.ofMillis(250),
			Duration.ofSeconds(2), 4, Duration.ofSeconds(10));

	private final Lifecycle unit = Lifecycle.created(this.policy, this.clock);

	@Test
	void wantedUpItIsStartedAndOnceItSaysSoItIsReady() {
		assertThat(this.unit.up()).containsExactly(new Action.CancelTimers(), new Action.Start());
		this.unit.started();
		assertThat(this.unit.state()).isEqualTo(LifecycleState.STARTING);

		this.unit.ready();

		assertThat(this.unit.state()).isEqualTo(LifecycleState.UP);
		assertThat(this.unit.isReady()).isTrue();
	}

	@Test
	void aUnitThatRanAtLeastMinUptimeIsStartedAgainAtOnce() {
		running();
		this.clock.advance(Duration.ofSeconds(5));

		assertThat(this.unit.exited("exit 1")).containsExactly(new Action.Start());
		assertThat(this.unit.restarts()).isEqualTo(1);
		assertThat(this.unit.lastExit()).isEqualTo("exit 1");
	}

	@Test
	void quickFailuresAreStartedAgainAfterAWaitThatDoublesUpToItsCap() {
		RestartPolicy patient = new RestartPolicy(Duration.ofSeconds(5), Duration.ofMillis(250), Duration.ofSeconds(1),
				10, Duration.ofSeconds(10));
		Lifecycle crashing = Lifecycle.created(patient, this.clock);
		crashing.up();
		List<Duration> waits = new java.util.ArrayList<>();
		for (int i = 0; i < 5; i++) {
			crashing.started();
			this.clock.advance(Duration.ofMillis(100));
			List<Action> actions = crashing.exited("exit 3");
			assertThat(crashing.state()).isEqualTo(LifecycleState.BACKOFF);
			waits.add(((Action.StartAfter) actions.get(0)).delay());
			assertThat(crashing.backoffElapsed()).containsExactly(new Action.Start());
		}

		assertThat(waits).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
				Duration.ofSeconds(1), Duration.ofSeconds(1));
		assertThat(crashing.restarts()).isEqualTo(5);
	}

	@Test
	void afterMaxQuickFailuresInARowItIsFailedUntilAnOperatorWantsItUpAgain() {
		this.unit.up();
		List<Action> last = List.of();
		for (int i = 0; i < 4; i++) {
			this.unit.started();
			last = this.unit.exited("exit 3");
			this.unit.backoffElapsed();
		}

		assertThat(last).containsExactly(new Action.Failed(4));
		assertThat(this.unit.state()).isEqualTo(LifecycleState.FAILED);
		assertThat(this.unit.backoffElapsed()).isEmpty();
		assertThat(this.unit.up()).containsExactly(new Action.CancelTimers(), new Action.Start());
		this.unit.started();
		assertThat(this.unit.exited("exit 3")).containsExactly(new Action.StartAfter(Duration.ofMillis(250)));
	}

	@Test
	void aRunOfMinUptimeClearsTheCountOfQuickFailures() {
		this.unit.up();
		for (int i = 0; i < 3; i++) {
			this.unit.started();
			this.unit.exited("exit 3");
			this.unit.backoffElapsed();
		}
		this.unit.started();
		this.clock.advance(Duration.ofSeconds(6));
		this.unit.exited("exit 3");

		this.unit.started();
		assertThat(this.unit.exited("exit 3")).containsExactly(new Action.StartAfter(Duration.ofMillis(250)));
	}

	@Test
	void wantedDownItIsAskedToStopAndKilledIfStillRunningAfterTheStopTimeout() {
		running();

		assertThat(this.unit.down()).containsExactly(new Action.CancelTimers(),
				new Action.Stop(Duration.ofSeconds(10)));
		assertThat(this.unit.state()).isEqualTo(LifecycleState.STOPPING);
		assertThat(this.unit.stopTimedOut()).containsExactly(new Action.Kill());
		assertThat(this.unit.exited("signal 9 (SIGKILL)")).containsExactly(new Action.CancelTimers());
		assertThat(this.unit.state()).isEqualTo(LifecycleState.DOWN);
		assertThat(this.unit.restarts()).isZero();
	}

	@Test
	void aUnitThatStopsWithinTheStopTimeoutIsNotKilled() {
		running();
		this.unit.down();

		this.unit.exited("exit 0");

		assertThat(this.unit.stopTimedOut()).isEmpty();
	}

	@Test
	void aRestartStopsTheUnitThenStartsItAgainOnceItHasStopped() {
		running();

		assertThat(this.unit.restart()).containsExactly(new Action.CancelTimers(),
				new Action.Stop(Duration.ofSeconds(10)));
		assertThat(this.unit.exited("signal 15 (SIGTERM)")).containsExactly(new Action.CancelTimers(),
				new Action.Start());
		assertThat(this.unit.restarts()).isEqualTo(1);
	}

	@Test
	void aRestartOfAUnitThatIsNotRunningStartsIt() {
		assertThat(this.unit.restart()).containsExactly(new Action.CancelTimers(), new Action.Start());
	}

	@Test
	void wantedUpAgainWhileStoppingItIsStartedOnceItHasStopped() {
		running();
		this.unit.down();

		assertThat(this.unit.up()).isEmpty();
		assertThat(this.unit.exited("exit 0")).containsExactly(new Action.CancelTimers(), new Action.Start());
	}

	@Test
	void aUnitRunOnceIsNotStartedAgainAndIsThenWantedDown() {
		assertThat(this.unit.once()).containsExactly(new Action.CancelTimers(), new Action.Start());
		this.unit.started();

		assertThat(this.unit.exited("exit 0")).containsExactly(new Action.CancelTimers());
		assertThat(this.unit.state()).isEqualTo(LifecycleState.DOWN);
		assertThat(this.unit.wanted()).isEqualTo(Wanted.DOWN);
	}

	@Test
	void wantedDownDuringABackoffTheStartAfterItIsDropped() {
		this.unit.up();
		this.unit.started();
		this.unit.exited("exit 3");

		assertThat(this.unit.down()).containsExactly(new Action.CancelTimers());
		assertThat(this.unit.backoffElapsed()).isEmpty();
		assertThat(this.unit.state()).isEqualTo(LifecycleState.DOWN);
	}

	@Test
	void aUnitThatCannotBeStartedAtAllIsAQuickFailure() {
		this.unit.up();

		assertThat(this.unit.startFailed("No such file"))
			.containsExactly(new Action.StartAfter(Duration.ofMillis(250)));
		assertThat(this.unit.lastExit()).isEqualTo("could not start: No such file");
	}

	@Test
	void anAdoptedUnitCountsItsUptimeFromItsOwnStart() {
		Lifecycle adopted = Lifecycle.restored(this.policy, this.clock, Wanted.UP, 2, null, false);
		adopted.adopted(this.clock.instant().minus(Duration.ofMinutes(1)));

		assertThat(adopted.exited("exited")).containsExactly(new Action.Start());
		assertThat(adopted.restarts()).isEqualTo(3);
	}

	private void running() {
		this.unit.up();
		this.unit.started();
		this.unit.ready();
	}

}
