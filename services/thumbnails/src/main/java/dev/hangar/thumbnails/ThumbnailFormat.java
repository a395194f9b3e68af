package dev.hangar.thumbnails;

import java.util.Locale;
import java.util.Optional;

import org.springframework.http.MediaType;

/** The formats thumbnails are written in. */
public enum ThumbnailFormat {

	PNG("png", MediaType.IMAGE_PNG, true), JPEG("jpeg", MediaType.IMAGE_JPEG, false),
	GIF("gif", MediaType.IMAGE_GIF, true), BMP("bmp", MediaType.parseMediaType("image/bmp"), false);

	private final String imageIoName;

	private final MediaType mediaType;

	private final boolean alpha;

	ThumbnailFormat(String imageIoName, MediaType mediaType, boolean alpha) {
		this.imageIoName = imageIoName;
		this.mediaType = mediaType;
		this.alpha = alpha;
	}

	/**
	 * The format named {@code name} ({@code png}, {@code jpeg} or {@code jpg}, ...), if
	 * any.
	 */
	public static Optional<ThumbnailFormat> of(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.equals("jpg")) {
			return Optional.of(JPEG);
		}
		for (ThumbnailFormat format : values()) {
			if (format.imageIoName.equals(lower)) {
				return Optional.of(format);
			}
		}
		return Optional.empty();
	}

	public String imageIoName() {
		return this.imageIoName;
	}

	public MediaType mediaType() {
		return this.mediaType;
	}

	/**
	 * Whether the format keeps transparency; if not, transparent pixels are laid on
	 * white.
	 */
	public boolean hasAlpha() {
		return this.alpha;
	}

}
