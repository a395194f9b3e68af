package dev.hangar.runtime.cli;

import java.io.IOException;
import java.net.URI;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import dev.hangar.config.ConfigInputs;
import dev.hangar.config.ConfigLayers;
import dev.hangar.runtime.server.RuntimeConfiguration;
import dev.hangar.config.InvalidConfigurationException;

/**
 * Asks a running runtime over its management HTTP API, found where the runtime's
 * configuration (the same layers the server reads) says it listens.
 */
final class RuntimeClient {

	private final URI base;

	private final String whereFrom;

	private final @Nullable String secret;

	private static final int CONNECT_TIMEOUT_MS = 3000;

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
		String secret = configuration.valueOf("runtime.secret");
		secret = (secret != null && !secret.isBlank()) ? secret.strip() : null;
		if (url != null) {
			return new RuntimeClient(URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url), "--url",
					secret);
		}
		String configured = String.valueOf(configuration.valueOf("runtime.host")).strip();
		String host = switch (configured) {
			case "0.0.0.0", "::", "[::]" -> "127.0.0.1";
			default -> configured.contains(":") ? "[" + configured + "]" : configured;
		};
		String port = String.valueOf(configuration.valueOf("runtime.port")).strip();
		if (!port.matches("[0-9]{1,5}")) {
			throw new InvalidConfigurationException("runtime.port '" + port + "' from "
					+ configuration.originOf("runtime.port") + " is not a port number: use 1 to 65535.");
		}
		return new RuntimeClient(URI.create("http://" + host + ":" + port),
				"runtime.host from " + configuration.originOf("runtime.host") + ", runtime.port from "
						+ configuration.originOf("runtime.port"),
				secret);
	}

	/**
	 * GETs {@code path} and parses the JSON answer, whatever its status (health answers
	 * 503 when DOWN).
	 * @throws RuntimeUnreachableException if nothing answers
	 */
	JsonValue get(String path) {
		try {
			Answer answer = exchange("GET", path, Duration.ofSeconds(10));
			try {
				return JsonValue.parse(answer.body());
			}
			catch (JacksonException ex) {
				throw new RuntimeUnreachableException("What answered at " + this.base + path + " (" + this.whereFrom
						+ ") is not a Hangar runtime: status " + answer.status() + ", not JSON.");
			}
		}
		catch (IOException ex) {
			throw new RuntimeUnreachableException(
					"No Hangar runtime answered at " + this.base + path + " (" + this.whereFrom + "): " + describe(ex)
							+ ".\nStart one with 'java -jar runtime.jar server', or point "
							+ "to it with HANGAR_RUNTIME_HOST and HANGAR_RUNTIME_PORT (or runtime.host/runtime.port in "
							+ "hangar.yaml), or --url http://host:port.");
		}
	}

	/**
	 * Sends {@code method path} with the runtime's secret, whatever the answer's status.
	 * @throws RuntimeUnreachableException if nothing answers
	 */
	Answer send(String method, String path) {
		try {
			return exchange(method, path, Duration.ofMinutes(10));
		}
		catch (IOException ex) {
			throw new RuntimeUnreachableException(
					"No Hangar runtime answered at " + this.base + " (" + this.whereFrom + "): " + describe(ex) + ".");
		}
	}

	/**
	 * One request over the JDK's plain {@link HttpURLConnection}: for one request to
	 * loopback it starts in a fraction of the time {@code java.net.http.HttpClient} takes
	 * (which sets up TLS whatever the scheme), and a command's start-up is what its user
	 * waits for (docs/benchmarks.md).
	 */
	private Answer exchange(String method, String path, Duration timeout) throws IOException {
		HttpURLConnection connection = (HttpURLConnection) this.base.resolve(path).toURL().openConnection();
		try {
			connection.setRequestMethod(method);
			connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
			connection.setReadTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
			connection.setUseCaches(false);
			connection.setInstanceFollowRedirects(false);
			if (this.secret != null) {
				connection.setRequestProperty("Authorization", "Bearer " + this.secret);
			}
			int status = connection.getResponseCode();
			InputStream stream = (status >= 400) ? connection.getErrorStream() : connection.getInputStream();
			String body = (stream != null) ? new String(stream.readAllBytes(), StandardCharsets.UTF_8) : "";
			return new Answer(status, body, connection.getHeaderField("X-Log-Offset"));
		}
		finally {
			connection.disconnect();
		}
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
