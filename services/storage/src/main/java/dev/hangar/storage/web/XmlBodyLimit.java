package dev.hangar.storage.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds the XML body of the WebDAV methods that carry one (PROPPATCH, PROPFIND, LOCK): over
 * {@code dead-properties.max-request-size}, declared or not, the request gets 413 before it is
 * parsed. Tomcat reads a PROPPATCH body whole into memory, however large.
 */
public class XmlBodyLimit extends OncePerRequestFilter {

	private static final Set<String> XML_METHODS = Set.of("PROPPATCH", "PROPFIND", "LOCK");

	private final long limit;

	public XmlBodyLimit(long limit) {
		this.limit = limit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!XML_METHODS.contains(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		long declared = request.getContentLengthLong();
		if (declared > this.limit) {
			tooLarge(response, request.getMethod(), declared + " bytes");
			return;
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.limit + 1));
		}
		if (body.length > this.limit) {
			tooLarge(response, request.getMethod(), "more than " + this.limit + " bytes");
			return;
		}
		chain.doFilter(new ReadBody(request, body), response);
	}

	private void tooLarge(HttpServletResponse response, String method, String size) throws IOException {
		// The rest of the body is not read: close the connection rather than drain it.
		response.setHeader("Connection", "close");
		StorageResponses.refuse(response, HttpStatus.CONTENT_TOO_LARGE, "The " + method + " body is " + size
				+ "; the limit is " + this.limit + " bytes (dead-properties.max-request-size).");
	}

	/** The request with its body already read, served again from memory. */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body was read already");
				}

			};
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

	}

}
