package dev.hangar.runtime.process;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.springframework.util.function.SingletonSupplier;

/**
 * Asks a process's readiness endpoint whether it is ready: a 200 is ready; any other
 * status, a refused connection (not listening yet) or no answer within the timeout is not
 * yet. Sent asynchronously, so a target that accepts and never answers holds no thread.
 */
public final class HttpReadinessProbe {

	private final Duration timeout;

	/**
	 * Built at the first probe: a client initializes TLS, which the runtime's start need
	 * not wait for.
	 */
	private final SingletonSupplier<HttpClient> http;

	/**
	 * @param timeout how long a probe waits to connect, and then for the answer
	 */
	public HttpReadinessProbe(Duration timeout) {
		this.timeout = timeout;
		this.http = SingletonSupplier.of(() -> HttpClient.newBuilder().connectTimeout(timeout).build());
	}

	/** Whether {@code url} answers 200, told when it is known. */
	public CompletableFuture<Boolean> isReady(URI url) {
		return this.http.obtain()
			.sendAsync(HttpRequest.newBuilder(url).timeout(this.timeout).GET().build(),
					HttpResponse.BodyHandlers.discarding())
			.thenApply((response) -> response.statusCode() == 200)
			.exceptionally((failure) -> false);
	}

}
