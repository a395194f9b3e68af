package dev.hangar.thumbnails;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;

import dev.hangar.service.web.BoundedBody;
import dev.hangar.service.web.RequestRefusedException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /thumbnails?size=128x128&format=png} with an image as the body (Content-Type
 * {@code image/*} or {@code application/octet-stream}) answers with the thumbnail. Refusals are problem details with a 4xx status.
 */
@RestController
class ThumbnailsController {

	private final ThumbnailsProperties properties;

	private final ImageDecoder decoder;

	private final ThumbnailRenderer renderer = new ThumbnailRenderer();

	ThumbnailsController(ThumbnailsProperties properties) {
		this.properties = properties;
		this.decoder = new ImageDecoder(properties.maxInputPixels());
	}

	@PostMapping(path = "/thumbnails", consumes = { "image/*", MediaType.APPLICATION_OCTET_STREAM_VALUE })
	ResponseEntity<byte[]> create(HttpServletRequest request, @RequestParam(required = false) String size,
			@RequestParam(required = false) String format) throws IOException {
		ThumbnailSize box = (size != null) ? ThumbnailSize.parse(size, this.properties)
				: new ThumbnailSize(this.properties.defaultWidth(), this.properties.defaultHeight());
		ThumbnailFormat output = (format != null) ? ThumbnailFormat.of(format)
			.orElseThrow(() -> new RequestRefusedException(HttpStatus.BAD_REQUEST,
					"format '" + format + "' is not one of png, jpeg, gif, bmp."))
				: this.properties.defaultFormat();
		byte[] body = BoundedBody.read(request, this.properties.maxInputSize().toBytes(), "max-input-size");
		ImageDecoder.DecodedImage image = this.decoder.decode(body);
		byte[] thumbnail = this.renderer.render(image.image(), box, output);
		return ResponseEntity.ok()
			.contentType(output.mediaType())
			.header("X-Source-Format", image.format())
			.header("X-Source-Size", image.image().getWidth() + "x" + image.image().getHeight())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(thumbnail);
	}

}
