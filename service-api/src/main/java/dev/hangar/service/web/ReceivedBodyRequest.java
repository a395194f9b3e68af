package dev.hangar.service.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body {@link BodyBuffering} received already, served from where it is
 * kept.
 */
final class ReceivedBodyRequest extends HttpServletRequestWrapper {

	private final ReceivedBody body;

	private @Nullable ServletInputStream stream;

	ReceivedBodyRequest(HttpServletRequest request, ReceivedBody body) {
		super(request);
		this.body = body;
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		ServletInputStream stream = this.stream;
		if (stream == null) {
			stream = this.body.open();
			this.stream = stream;
		}
		return stream;
	}

	@Override
	public BufferedReader getReader() throws IOException {
		Charset charset = (getCharacterEncoding() != null) ? Charset.forName(getCharacterEncoding())
				: StandardCharsets.UTF_8;
		return new BufferedReader(new InputStreamReader(getInputStream(), charset));
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
