package dev.hangar.service.web;

import java.io.IOException;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A request whose body {@link BodyBuffering} received already, served from where it is
 * kept.
 */
final class ReceivedBodyRequest extends BodyReplacingRequest {

	private final ReceivedBody body;

	ReceivedBodyRequest(HttpServletRequest request, ReceivedBody body) {
		super(request);
		this.body = body;
	}

	@Override
	protected ServletInputStream openBody() throws IOException {
		return this.body.open();
	}

	@Override
	public long getContentLengthLong() {
		return this.body.length();
	}

	@Override
	public int getContentLength() {
		return (int) Math.min(Integer.MAX_VALUE, this.body.length());
	}

}
