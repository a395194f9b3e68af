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
 * A request whose body is read through another stream than the container's. Both ways of
 * reading it, the stream and the reader, go through that stream, so that no servlet can
 * reach past it.
 */
abstract class BodyReplacingRequest extends HttpServletRequestWrapper {

	private @Nullable ServletInputStream stream;

	private @Nullable BufferedReader reader;

	BodyReplacingRequest(HttpServletRequest request) {
		super(request);
	}

	/** Opens the stream the body is read from; called once. */
	protected abstract ServletInputStream openBody() throws IOException;

	@Override
	public ServletInputStream getInputStream() throws IOException {
		ServletInputStream stream = this.stream;
		if (stream == null) {
			stream = openBody();
			this.stream = stream;
		}
		return stream;
	}

	@Override
	public BufferedReader getReader() throws IOException {
		BufferedReader reader = this.reader;
		if (reader == null) {
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
			reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
			this.reader = reader;
		}
		return reader;
	}

}
