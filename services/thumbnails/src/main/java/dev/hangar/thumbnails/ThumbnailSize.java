package dev.hangar.thumbnails;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.hangar.service.web.RequestRefusedException;

import org.springframework.http.HttpStatus;

/**
 * The box a thumbnail must fit in, parsed from {@code WIDTHxHEIGHT}.
 *
 * @param width at most this wide
 * @param height at most this tall
 */
record ThumbnailSize(int width, int height) {

	private static final Pattern FORMAT = Pattern.compile("(\\d{1,5})x(\\d{1,5})");

	static ThumbnailSize parse(String text, ThumbnailsProperties limits) {
		Matcher matcher = FORMAT.matcher(text);
		if (!matcher.matches()) {
			throw new RequestRefusedException(HttpStatus.BAD_REQUEST,
					"size '" + text + "' is not WIDTHxHEIGHT, e.g. size=128x128.");
		}
		int width = Integer.parseInt(matcher.group(1));
		int height = Integer.parseInt(matcher.group(2));
		if (width < 1 || height < 1 || width > limits.maxWidth() || height > limits.maxHeight()) {
			throw new RequestRefusedException(HttpStatus.BAD_REQUEST,
					"size " + width + "x" + height + " is out of range: width 1 to " + limits.maxWidth()
							+ ", height 1 to " + limits.maxHeight() + ".");
		}
		return new ThumbnailSize(width, height);
	}

	@Override
	public String toString() {
		return this.width + "x" + this.height;
	}

}
