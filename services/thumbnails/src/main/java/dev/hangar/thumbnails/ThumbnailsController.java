package dev.hangar.thumbnails;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;

import dev.hangar.service.web.BoundedBody;
import dev.hangar.service.web.ClientConnection;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /thumbnails?size=128x128&format=png} with an image as the body
 * (Content-Type {@code image/*} or {@code application/octet-stream}) answers with the
 * thumbnail. Refusals are problem details with a 4xx status.
 */
@RestController
class ThumbnailsController {

	private final ThumbnailsProperties properties;

	private final ThumbnailMaker maker;

	ThumbnailsController(ThumbnailsProperties properties, ThumbnailMaker maker) {
		this.properties = properties;
		this.maker = maker;
	}

	@PostMapping(path = "/thumbnails", consumes = { "image/*", MediaType.APPLICATION_OCTET_STREAM_VALUE })
	ResponseEntity<byte[]> create(HttpServletRequest request, @RequestParam(required = false) String size,
			@RequestParam(required = false) String format) throws IOException {
		ThumbnailMaker.Request wanted = this.maker.request(size, format);
		byte[] body = BoundedBody.read(request, this.properties.maxInputSize().toBytes(), "max-input-size");
		ThumbnailMaker.Thumbnail thumbnail = this.maker.make(body, wanted, ClientConnection.of(request));
		return ResponseEntity.ok()
			.contentType(thumbnail.format().mediaType())
			.header("X-Source-Format", thumbnail.sourceFormat())
			.header("X-Source-Size", thumbnail.sourceSize())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(thumbnail.bytes());
	}

}
