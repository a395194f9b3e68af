package dev.hangar.runtime.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Ports on the loopback interface, found free by binding them: a port another process
 * holds is not free, whatever the runtime's own books say.
 */
public final class LoopbackPorts {

	private LoopbackPorts() {
	}

	/** Whether nothing listens on {@code port} of the loopback interface now. */
	public static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** A port of the loopback interface that is free now, chosen by the system. */
	public static int anyFree() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port on the loopback interface", ex);
		}
	}

}
