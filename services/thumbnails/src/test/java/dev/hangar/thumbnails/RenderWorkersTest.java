package dev.hangar.thumbnails;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.hangar.service.web.RequestRefusedException;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class RenderWorkersTest {

	/** The request threads: each blocks in {@link RenderWorkers#run} as a servlet thread would. */
	private final ExecutorService requestThreads = Executors.newCachedThreadPool();

	private final CountDownLatch release = new CountDownLatch(1);

	private final AtomicInteger rendering = new AtomicInteger();

	private RenderWorkers workers;

	@AfterEach
	void stop() {
		this.release.countDown();
		this.workers.destroy();
		this.requestThreads.shutdownNow();
	}

	@Test
	void rendersNoMoreImagesAtOnceThanItHasThreadsAndLetsTheOthersWait() {
		this.workers = new RenderWorkers(2, 100);

		List<CompletableFuture<String>> requests = IntStream.range(0, 12).mapToObj(this::request).toList();

		await().until(() -> this.rendering.get() == 2 && this.workers.waiting() == 10);
		this.release.countDown();
		assertThat(requests.stream().map(CompletableFuture::join)).hasSize(12).doesNotHaveDuplicates();
	}

	@Test
	void rendersOnItsOwnPlatformThreadsTaggedWithTheService() {
		this.workers = new RenderWorkers(1, 1);

		Thread thread = this.workers.run(Thread::currentThread);

		assertThat(thread).isNotSameAs(Thread.currentThread());
		assertThat(thread.getName()).startsWith("thumbnails-render-");
		assertThat(thread.getThreadGroup().getName()).isEqualTo("hangar-thumbnails");
	}

	@Test
	void refusesWithServiceUnavailableWhenEveryThreadIsBusyAndTheQueueIsFull() {
		this.workers = new RenderWorkers(1, 1);
		CompletableFuture<String> busy = request(1);
		CompletableFuture<String> queued = request(2);
		await().until(() -> this.rendering.get() == 1 && this.workers.waiting() == 1);

		assertThatExceptionOfType(RequestRefusedException.class).isThrownBy(() -> this.workers.run(() -> "refused"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE))
			.withMessageContaining("render-threads")
			.withMessageContaining("render-queue");

		this.release.countDown();
		assertThat(busy.join()).isEqualTo("request 1");
		assertThat(queued.join()).isEqualTo("request 2");
	}

	@Test
	void passesOnWhatTheRenderingThrowsUnchanged() {
		this.workers = new RenderWorkers(1, 1);
		RequestRefusedException tooLarge = new RequestRefusedException(HttpStatus.PAYLOAD_TOO_LARGE, "too many pixels");

		assertThatExceptionOfType(RequestRefusedException.class).isThrownBy(() -> this.workers.run(() -> {
			throw tooLarge;
		})).isSameAs(tooLarge);
	}

	/** A request whose rendering lasts until {@link #release} opens. */
	private CompletableFuture<String> request(int number) {
		return CompletableFuture.supplyAsync(() -> this.workers.run(() -> {
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
