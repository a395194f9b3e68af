package dev.hangar.service.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 written byte for byte on a socket, for requests no well-behaved client would
 * send: a path or header exactly as given, with nothing normalized on the way.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Sends {@code method path} with the given header lines (each {@code Name: value})
	 * and body, then reads the whole response (the request asks the server to close).
	 */
	public static Response send(URI base, String method, String path, String body, String... headers) {
		StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
		request.append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
		for (String header : headers) {
			request.append(header).append("\r\n");
		}
		byte[] content = body.getBytes(StandardCharsets.UTF_8);
		request.append("Content-Length: ").append(content.length).append("\r\nConnection: close\r\n\r\n");
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
			socket.setSoTimeout(30_000);
			socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().write(content);
			socket.getOutputStream().flush();
			return Response.parse(readAll(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(method + " " + path + " failed", ex);
		}
	}

	private static String readAll(InputStream in) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		in.transferTo(out);
		return out.toString(StandardCharsets.ISO_8859_1);
	}

	/**
	 * @param status the status code, or -1 when the server answered nothing
	 * @param head the status line and headers
	 * @param body what followed them
	 */
	public record Response(int status, String head, String body) {

		static Response parse(String raw) {
			if (!raw.startsWith("HTTP/1.1 ")) {
				return new Response(-1, raw, "");
			}
			int end = raw.indexOf("\r\n\r\n");
			String head = (end < 0) ? raw : raw.substring(0, end);
			String body = (end < 0) ? "" : raw.substring(end + 4);
			return new Response(Integer.parseInt(raw.substring(9, 12)), head, body);
		}

		/** The first value of a header, or null. */
		public String header(String name) {
			for (String line : this.head.split("\r\n")) {
				int colon = line.indexOf(':');
				if (colon > 0 && line.substring(0, colon)
					.trim()
					.toLowerCase(Locale.ROOT)
					.equals(name.toLowerCase(Locale.ROOT))) {
					return line.substring(colon + 1).trim();
				}
			}
			return null;
		}

		@Override
		public String toString() {
			return this.head + "\n\n" + this.body;
		}

	}

}
