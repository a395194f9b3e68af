package dev.hangar.runtime.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.hangar.config.ConfigInputs;
import dev.hangar.config.ConfigLayers;
import dev.hangar.runtime.server.RuntimeConfiguration;
import dev.hangar.runtime.server.RuntimeProperties;

/**
 * Asks a running runtime over its management HTTP API, found where the runtime's
 * configuration (the same layers the server reads) says it listens.
 */
final class RuntimeClient {

	private final URI base;

	private final String whereFrom;

	private final @Nullable String secret;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private RuntimeClient(URI base, String whereFrom, @Nullable String secret) {
		this.base = base;
		this.whereFrom = whereFrom;
		this.secret = secret;
	}

	/**
	 * A client for the runtime at {@code url}, or where the configuration says when it is
	 * null.
	 */
	static RuntimeClient locate(@Nullable String url) {
		RuntimeConfiguration configuration = new RuntimeConfiguration(
				new ConfigLayers(ConfigInputs.ofProcess(List.of())));
		RuntimeProperties runtime = configuration.runtime();
		if (url != null) {
			return new RuntimeClient(URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url), "--url",
					runtime.secret());
		}
		String host = switch (runtime.host()) {
			case "0.0.0.0", "::", "[::]" -> "127.0.0.1";
			default -> runtime.host().contains(":") ? "[" + runtime.host() + "]" : runtime.host();
		};
		return new RuntimeClient(URI.create("http://" + host + ":" + runtime.port()),
				"runtime.host from " + configuration.originOf("runtime.host") + ", runtime.port from "
						+ configuration.originOf("runtime.port"),
				runtime.secret());
	}

	/**
	 * GETs {@code path} and parses the JSON answer, whatever its status (health answers
	 * 503 when DOWN).
	 * @throws RuntimeUnreachableException if nothing answers
	 */
	JsonNode get(String path) {
		HttpRequest request = HttpRequest.newBuilder(this.base.resolve(path))
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return this.json.readTree(response.body());
		}
		catch (IOException ex) {
			throw new RuntimeUnreachableException(
					"No Hangar runtime answered at " + this.base + path + " (" + this.whereFrom + "): " + describe(ex)
							+ ".\nStart one with 'java -jar runtime.jar server', or point "
							+ "to it with HANGAR_RUNTIME_HOST and HANGAR_RUNTIME_PORT (or runtime.host/runtime.port in "
							+ "hangar.yaml), or --url http://host:port.");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RuntimeUnreachableException("Interrupted while asking " + this.base);
		}
	}

	/**
	 * Sends {@code method path} with the runtime's secret, whatever the answer's status.
	 * @throws RuntimeUnreachableException if nothing answers
	 */
	Answer send(String method, String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.base.resolve(path))
			.timeout(Duration.ofMinutes(10))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (this.secret != null) {
			request.header("Authorization", "Bearer " + this.secret);
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body(),
					response.headers().firstValue("X-Log-Offset").orElse(null));
		}
		catch (IOException ex) {
			throw new RuntimeUnreachableException(
					"No Hangar runtime answered at " + this.base + " (" + this.whereFrom + "): " + describe(ex) + ".");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RuntimeUnreachableException("Interrupted while asking " + this.base);
		}
	}

	JsonMapper json() {
		return this.json;
	}

	/**
	 * An answer of the management API.
	 *
	 * @param logOffset for a log, where to ask from next
	 */
	record Answer(int status, String body, @Nullable String logOffset) {

		boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

	}

	private static String describe(IOException ex) {
		String message = ex.getMessage();
		return (message != null && !message.isBlank()) ? ex.getClass().getSimpleName() + " " + message
				: ex.getClass().getSimpleName();
	}

	static final class RuntimeUnreachableException extends RuntimeException {

		RuntimeUnreachableException(String message) {
			super(message);
		}

	}

}
