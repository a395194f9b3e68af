package dev.hangar.service.test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** TCP ports that nothing listens on at the moment of asking. */
public final class FreePorts {

	private FreePorts() {
	}

	/** Whether nothing listens on {@code port} on the loopback address. */
	public static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * A free port below the kernel's ephemeral range (32768 and up on Linux): a port from
	 * that range could be taken as the source port of an outgoing connection between this
	 * call and the moment a server binds it.
	 */
	public static int next() {
		for (int attempt = 0; attempt < 1000; attempt++) {
			int port = 10000 + ThreadLocalRandom.current().nextInt(20000);
			if (isFree(port)) {
				return port;
			}
		}
		throw new IllegalStateException("No free port found between 10000 and 30000");
	}

}
