package dev.hangar.thumbnails;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import dev.hangar.config.ConfigScope;
import dev.hangar.service.web.ClientConnection;
import dev.hangar.service.web.RequestRefusedException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /thumbnails/{connector}/{path}?size=128x128&format=png}: a thumbnail of a
 * file that a storage connector holds. The file is fetched over HTTP, the thumbnail
 * cached on disk; the next request asks the connector whether the file changed
 * (If-None-Match with its ETag) and answers from the cache when it did not.
 */
@RestController
class StorageThumbnailsController {

	private static final String PREFIX = "/thumbnails/";

	private final StorageSourceProperties sources;

	private final ThumbnailsProperties limits;

	private final ThumbnailMaker maker;

	private final ThumbnailCache cache;

	/**
	 * Built at the first fetch: a client initializes TLS, which start-up need not wait
	 * for.
	 */
	private final SingletonSupplier<HttpClient> http = SingletonSupplier
		.of(() -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());

	StorageThumbnailsController(StorageSourceProperties sources, ThumbnailsProperties limits, ThumbnailMaker maker) {
		this.sources = sources;
		this.limits = limits;
		this.maker = maker;
		this.cache = new ThumbnailCache(sources.cache().dir(), sources.cache().maxSize().toBytes());
	}

	@GetMapping("/thumbnails/{source}/**")
	ResponseEntity<byte[]> thumbnail(@PathVariable String source, HttpServletRequest request,
			@RequestParam(required = false) String size, @RequestParam(required = false) String format)
			throws IOException, InterruptedException {
		URI base = this.sources.sources().get(source);
		if (base == null) {
			throw new RequestRefusedException(HttpStatus.NOT_FOUND, "No storage source named '" + source + "'. Known: "
					+ this.sources.sources().keySet() + " (storage.sources in thumbnails.yaml).");
		}
		// The path as the client encoded it, passed on as is: the connector decodes and
		// checks it.
		String rawPath = request.getRequestURI().substring(PREFIX.length() + source.length());
		if (rawPath.isEmpty() || rawPath.equals("/") || rawPath.endsWith("/")) {
			throw new RequestRefusedException(HttpStatus.BAD_REQUEST,
					"Name a file: /thumbnails/" + source + "/<path>.");
		}
		checkSegments(source, rawPath);
		ThumbnailMaker.Request wanted = this.maker.request(size, format);
		String key = ThumbnailCache.key(source, rawPath, wanted);
		Optional<ThumbnailCache.Entry> cached = this.cache.get(key);

		HttpRequest.Builder fetch = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + rawPath))
			.timeout(Duration.ofSeconds(30))
			.GET();
		cached.ifPresent((entry) -> fetch.header(HttpHeaders.IF_NONE_MATCH, entry.etag()));
		HttpResponse<InputStream> response;
		try {
			response = this.http.obtain().send(fetch.build(), HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (IOException ex) {
			throw new RequestRefusedException(HttpStatus.BAD_GATEWAY,
					"Storage source '" + source + "' at " + base + " did not answer (" + ex.getClass().getSimpleName()
							+ ((ex.getMessage() != null) ? ": " + ex.getMessage() : "")
							+ "). If the connector listens elsewhere, set its http.port (" + source + ".yaml, or "
							+ ConfigScope.environmentPrefixOf(source) + "_HTTP_PORT), or storage.sources." + source
							+ " in thumbnails.yaml.");
		}
		try (InputStream body = response.body()) {
			if (response.statusCode() == 304 && cached.isPresent()) {
				return answer(cached.get().thumbnail(), wanted, "HIT");
			}
			if (response.statusCode() == 404) {
				throw new RequestRefusedException(HttpStatus.NOT_FOUND,
						"Storage source '" + source + "' has no file " + rawPath + ".");
			}
			if (response.statusCode() != 200) {
				throw new RequestRefusedException(HttpStatus.BAD_GATEWAY,
						"Storage source '" + source + "' answered " + response.statusCode() + " for " + rawPath + ".");
			}
			byte[] image = readBounded(body);
			byte[] thumbnail = this.maker.make(image, wanted, ClientConnection.of(request)).bytes();
			response.headers().firstValue(HttpHeaders.ETAG).ifPresent((etag) -> this.cache.put(key, etag, thumbnail));
			return answer(thumbnail, wanted, "MISS");
		}
	}

	/**
	 * Refuses a path with a segment that is {@code .} or {@code ..} or hides a separator
	 * in any encoding: it names no file of the connector's space (the connector would
	 * refuse it too, and the client would see that as the connector's failure).
	 */
	private static void checkSegments(String source, String rawPath) {
		for (String segment : rawPath.substring(1).split("/", -1)) {
			String decoded;
			try {
				decoded = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				throw new RequestRefusedException(HttpStatus.BAD_REQUEST,
						"The path " + rawPath + " is not properly encoded.");
			}
			if (decoded.isEmpty() || decoded.equals(".") || decoded.equals("..") || decoded.contains("/")
					|| decoded.contains("\\") || decoded.indexOf('\0') >= 0) {
				throw new RequestRefusedException(HttpStatus.BAD_REQUEST,
						"The path " + rawPath + " names no file of storage source '" + source
								+ "': its segments may not be empty, '.' or '..', " + "nor hold a separator.");
			}
		}
	}

	private byte[] readBounded(InputStream body) throws IOException {
		long limit = this.limits.maxInputSize().toBytes();
		byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
		if (bytes.length > limit) {
			throw new RequestRefusedException(HttpStatus.CONTENT_TOO_LARGE,
					"The stored file is larger than " + limit + " bytes (max-input-size).");
		}
		return bytes;
	}

	private static ResponseEntity<byte[]> answer(byte[] thumbnail, ThumbnailMaker.Request wanted, String cache) {
		return ResponseEntity.ok()
			.contentType(wanted.format().mediaType())
			.header("X-Thumbnail-Cache", cache)
			.header(HttpHeaders.CACHE_CONTROL, "no-cache")
			.body(thumbnail);
	}

}
