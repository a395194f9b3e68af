package dev.hangar.service.test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many connections that each send a request's head, declare a body, then trickle it one
 * byte at a time, or trickle the head itself (a slowloris): what a hostile client does to
 * hold a server's threads. Connections the server closes are opened again, so the
 * pressure lasts until {@link #close()}.
 */
public final class SlowClients implements AutoCloseable {

	private final URI target;

	private final String head;

	private final List<Socket> sockets = new ArrayList<>();

	private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();

	private final AtomicInteger reopened = new AtomicInteger();

	private final List<String> answers = new java.util.concurrent.CopyOnWriteArrayList<>();

	private SlowClients(URI target, String head) {
		this.target = target;
		this.head = head;
	}

	/**
	 * Opens {@code count} connections to {@code target} that send {@code method} with a
	 * declared body of a megabyte and {@code extraHeaders}, then one byte every
	 * {@code interval}.
	 */
	public static SlowClients start(URI target, String method, int count, Duration interval, String... extraHeaders) {
		StringBuilder head = new StringBuilder(
				method + " " + target.getRawPath() + ((target.getRawQuery() != null) ? "?" + target.getRawQuery() : "")
						+ " HTTP/1.1\r\nHost: " + target.getHost() + "\r\nContent-Length: 1000000\r\n");
		for (String header : extraHeaders) {
			head.append(header).append("\r\n");
		}
		head.append("\r\n");
		SlowClients clients = new SlowClients(target, head.toString());
		for (int i = 0; i < count; i++) {
			clients.sockets.add(clients.open());
		}
		clients.trickle.scheduleWithFixedDelay(clients::sendOneByteEach, interval.toMillis(), interval.toMillis(),
				TimeUnit.MILLISECONDS);
		return clients;
	}

	/**
	 * Opens {@code count} connections that send a request line, then one byte of a header
	 * that never ends every {@code interval}.
	 */
	public static SlowClients trickleHeaders(URI target, int count, Duration interval) {
		SlowClients clients = new SlowClients(target, "GET " + target.getRawPath() + " HTTP/1.1\r\nX-Slow: ");
		for (int i = 0; i < count; i++) {
			clients.sockets.add(clients.open());
		}
		clients.trickle.scheduleWithFixedDelay(clients::sendOneByteEach, interval.toMillis(), interval.toMillis(),
				TimeUnit.MILLISECONDS);
		return clients;
	}

	/** How many connections the server closed; each was opened again. */
	public int cutOff() {
		return this.reopened.get();
	}

	/** How many connections are open now. */
	public int connected() {
		return (int) this.sockets.stream().filter((socket) -> socket != null && socket.isConnected()).count();
	}

	/** The first line of what the server answered on each connection it closed. */
	public List<String> answers() {
		return List.copyOf(this.answers);
	}

	private Socket open() {
		try {
			Socket socket = new Socket();
			socket.connect(new InetSocketAddress(this.target.getHost(), this.target.getPort()), 5000);
			OutputStream out = socket.getOutputStream();
			out.write(this.head.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return socket;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private void sendOneByteEach() {
		for (int i = 0; i < this.sockets.size(); i++) {
			Socket socket = this.sockets.get(i);
			try {
				if (socket == null) {
					throw new IOException("not connected");
				}
				socket.getOutputStream().write('x');
				socket.getOutputStream().flush();
			}
			catch (IOException ex) {
				this.answers.add(answerOf(socket));
				closeQuietly(socket);
				this.sockets.set(i, open());
				this.reopened.incrementAndGet();
			}
		}
	}

	/** What the server answered before closing, read without waiting. */
	private static String answerOf(Socket socket) {
		if (socket == null) {
			return "";
		}
		try {
			socket.setSoTimeout(1000);
			byte[] head = socket.getInputStream().readNBytes(64);
			String text = new String(head, StandardCharsets.ISO_8859_1);
			int end = text.indexOf("\r\n");
			return (end < 0) ? text : text.substring(0, end);
		}
		catch (IOException ex) {
			return "";
		}
	}

	@Override
	public void close() {
		this.trickle.shutdownNow();
		this.sockets.forEach(SlowClients::closeQuietly);
	}

	private static void closeQuietly(Socket socket) {
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// Gone already.
			}
		}
	}

}
