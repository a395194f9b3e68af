package dev.hangar.service.web;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;

/**
 * Reads a request body into memory, refusing it with 413 as soon as it exceeds a limit,
 * whether or not the client declared its length.
 */
public final class BoundedBody {

	private BoundedBody() {
	}

	/**
	 * @param limit the most bytes accepted
	 * @param limitKey the configuration key of the limit, named in the refusal
	 */
	public static byte[] read(HttpServletRequest request, long limit, String limitKey) throws IOException {
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			throw tooLarge(declared + " bytes", limit, limitKey);
		}
		try (InputStream in = request.getInputStream()) {
			byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
			if (bytes.length > limit) {
				throw tooLarge("more than " + limit + " bytes", limit, limitKey);
			}
			if (bytes.length == 0) {
				throw new RequestRefusedException(HttpStatus.BAD_REQUEST, "The request has no body.");
			}
			return bytes;
		}
	}

	private static RequestRefusedException tooLarge(String size, long limit, String limitKey) {
		return new RequestRefusedException(HttpStatus.CONTENT_TOO_LARGE,
				"The request body is " + size + "; the limit is " + limit + " bytes (" + limitKey + ").");
	}

}
