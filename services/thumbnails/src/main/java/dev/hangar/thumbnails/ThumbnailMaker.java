package dev.hangar.thumbnails;

import dev.hangar.service.web.ClientConnection;
import dev.hangar.service.web.RequestRefusedException;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Makes a thumbnail from an image's bytes, for a requested size and format, within the
 * limits.
 */
@Component
class ThumbnailMaker {

	private final ThumbnailsProperties properties;

	private final ImageDecoder decoder;

	private final ThumbnailRenderer renderer = new ThumbnailRenderer();

	private final RenderWorkers workers;

	ThumbnailMaker(ThumbnailsProperties properties, RenderWorkers workers, RenderMemory memory) {
		this.properties = properties;
		this.decoder = new ImageDecoder(properties.maxInputPixels(), memory, properties.renderTimeout());
		this.workers = workers;
	}

	/**
	 * The box and format a request asks for, or the configured defaults; refused with 400
	 * if out of range.
	 */
	Request request(@Nullable String size, @Nullable String format) {
		ThumbnailSize box = (size != null) ? ThumbnailSize.parse(size, this.properties)
				: new ThumbnailSize(this.properties.defaultWidth(), this.properties.defaultHeight());
		ThumbnailFormat output = (format != null)
				? ThumbnailFormat.of(format)
					.orElseThrow(() -> new RequestRefusedException(HttpStatus.BAD_REQUEST,
							"format '" + format + "' is not one of png, jpeg, gif, bmp."))
				: this.properties.defaultFormat();
		return new Request(box, output);
	}

	/**
	 * Decodes and scales on a render thread, waiting for one if all are busy; stops the
	 * render when {@code client} has closed its connection, or after
	 * {@code render-timeout}.
	 */
	Thumbnail make(byte[] image, Request request, ClientConnection client) {
		RenderCancellation cancellation = new RenderCancellation();
		return this.workers.run(() -> render(image, request, cancellation), cancellation, client,
				this.properties.renderTimeout());
	}

	private Thumbnail render(byte[] image, Request request, RenderCancellation cancellation) {
		try (ImageDecoder.DecodedImage decoded = this.decoder.decode(image, request.size(), cancellation)) {
			byte[] bytes = this.renderer.render(decoded, request.size(), request.format());
			cancellation.check();
			return new Thumbnail(bytes, request.format(), decoded.format(),
					decoded.sourceWidth() + "x" + decoded.sourceHeight());
		}
	}

	/** What a request asks for. */
	record Request(ThumbnailSize size, ThumbnailFormat format) {
	}

	/** A thumbnail, with what it was made from. */
	record Thumbnail(byte[] bytes, ThumbnailFormat format, String sourceFormat, String sourceSize) {
	}

}
