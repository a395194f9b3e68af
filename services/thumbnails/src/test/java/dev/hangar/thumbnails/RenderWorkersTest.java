package dev.hangar.thumbnails;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.hangar.service.test.TestClock;

import dev.hangar.service.web.ClientConnection;
import dev.hangar.service.web.RequestRefusedException;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class RenderWorkersTest {

	/**
	 * The request threads: each blocks in {@link RenderWorkers#run} as a servlet thread
	 * would.
	 */
	private final ExecutorService requestThreads = Executors.newCachedThreadPool();

	private final CountDownLatch release = new CountDownLatch(1);

	private final AtomicInteger rendering = new AtomicInteger();

	private final TestClock clock = new TestClock();

	private RenderWorkers workers;

	@AfterEach
	void stop() {
		this.release.countDown();
		this.workers.destroy();
		this.requestThreads.shutdownNow();
	}

	@Test
	void rendersNoMoreImagesAtOnceThanItHasThreadsAndLetsTheOthersWait() {
		this.workers = new RenderWorkers(2, 100, this.clock, new SimpleMeterRegistry());

		List<CompletableFuture<String>> requests = IntStream.range(0, 12).mapToObj(this::request).toList();

		await().until(() -> this.rendering.get() == 2 && this.workers.waiting() == 10);
		this.release.countDown();
		assertThat(requests.stream().map(CompletableFuture::join)).hasSize(12).doesNotHaveDuplicates();
	}

	@Test
	void rendersOnItsOwnPlatformThreadsTaggedWithTheService() {
		this.workers = new RenderWorkers(1, 1, this.clock, new SimpleMeterRegistry());

		Thread thread = run(Thread::currentThread);

		assertThat(thread).isNotSameAs(Thread.currentThread());
		assertThat(thread.getName()).startsWith("thumbnails-render-");
		assertThat(thread.getThreadGroup().getName()).isEqualTo("hangar-thumbnails");
	}

	@Test
	void refusesWithServiceUnavailableWhenEveryThreadIsBusyAndTheQueueIsFull() {
		this.workers = new RenderWorkers(1, 1, this.clock, new SimpleMeterRegistry());
		CompletableFuture<String> busy = request(1);
		CompletableFuture<String> queued = request(2);
		await().until(() -> this.rendering.get() == 1 && this.workers.waiting() == 1);

		assertThatExceptionOfType(RequestRefusedException.class).isThrownBy(() -> run(() -> "refused"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE))
			.withMessageContaining("render-threads")
			.withMessageContaining("render-queue");

		this.release.countDown();
		assertThat(busy.join()).isEqualTo("request 1");
		assertThat(queued.join()).isEqualTo("request 2");
	}

	@Test
	void passesOnWhatTheRenderingThrowsUnchanged() {
		this.workers = new RenderWorkers(1, 1, this.clock, new SimpleMeterRegistry());
		RequestRefusedException tooLarge = new RequestRefusedException(HttpStatus.PAYLOAD_TOO_LARGE, "too many pixels");

		assertThatExceptionOfType(RequestRefusedException.class).isThrownBy(() -> run(() -> {
			throw tooLarge;
		})).isSameAs(tooLarge);
	}

	@Test
	void stopsTheRenderOfAClientThatWentAwayAndNeverStartsOneStillQueued() {
		this.workers = new RenderWorkers(1, 10, this.clock, new SimpleMeterRegistry());
		AtomicBoolean clientGone = new AtomicBoolean();
		RenderCancellation running = new RenderCancellation();
		RenderCancellation queued = new RenderCancellation();
		AtomicBoolean queuedRan = new AtomicBoolean();
		CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> this.workers.run(() -> {
			this.rendering.incrementAndGet();
			await().atMost(Duration.ofSeconds(30)).until(() -> this.release.getCount() == 0);
			return "finished";
		}, running, closedWhen(clientGone), Duration.ofHours(1)), this.requestThreads);
		await().until(() -> this.rendering.get() == 1);
		CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> this.workers.run(() -> {
			queuedRan.set(true);
			return "ran";
		}, queued, closedWhen(clientGone), Duration.ofHours(1)), this.requestThreads);
		await().until(() -> this.workers.waiting() == 1);

		clientGone.set(true);

		assertThat(first).failsWithin(Duration.ofSeconds(10))
			.withThrowableThat()
			.havingRootCause()
			.isInstanceOf(RenderCancelledException.class)
			.withMessageContaining("client went away");
		assertThat(second).failsWithin(Duration.ofSeconds(10))
			.withThrowableThat()
			.havingRootCause()
			.isInstanceOf(RenderCancelledException.class);
		assertThat(running.isCancelled()).isTrue();
		assertThat(this.workers.waiting()).isZero();
		this.release.countDown();
		await().until(() -> this.workers.waiting() == 0);
		assertThat(queuedRan).isFalse();
	}

	@Test
	void stopsARenderThatRunsPastItsTimeoutWith503() {
		this.workers = new RenderWorkers(1, 10, this.clock, new SimpleMeterRegistry());
		RenderCancellation cancellation = new RenderCancellation();
		CompletableFuture<String> request = CompletableFuture.supplyAsync(() -> this.workers
			.run(() -> untilCancelled(cancellation), cancellation, ClientConnection.UNKNOWN, Duration.ofSeconds(30)),
				this.requestThreads);
		await().until(() -> this.rendering.get() == 1);
		assertThat(request).isNotDone();

		this.clock.advance(Duration.ofSeconds(31));

		assertThat(request).failsWithin(Duration.ofSeconds(10))
			.withThrowableThat()
			.havingRootCause()
			.isInstanceOfSatisfying(RenderCancelledException.class,
					(ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE))
			.withMessageContaining("render-timeout");
		assertThat(cancellation.isCancelled()).isTrue();
	}

	/**
	 * A render that runs until it is cancelled, as a decoder aborted between rows does.
	 */
	private String untilCancelled(RenderCancellation cancellation) {
		this.rendering.incrementAndGet();
		await().atMost(Duration.ofSeconds(30)).until(cancellation::isCancelled);
		return "cancelled";
	}

	/** A client connection that reports itself closed once {@code closed} is set. */
	private static ClientConnection closedWhen(AtomicBoolean closed) {
		return new ClientConnection() {

			@Override
			public boolean isClosed() {
				return closed.get();
			}

			@Override
			public void closeAfterResponse() {
			}

		};
	}

	private <T> T run(java.util.function.Supplier<T> work) {
		return this.workers.run(work, new RenderCancellation(), ClientConnection.UNKNOWN, Duration.ofHours(1));
	}

	/** A request whose rendering lasts until {@link #release} opens. */
	private CompletableFuture<String> request(int number) {
		return CompletableFuture.supplyAsync(() -> run(() -> {
			this.rendering.incrementAndGet();
			try {
				this.release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return "request " + number;
		}), this.requestThreads);
	}

}
