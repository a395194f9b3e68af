package dev.hangar.service.registry;

import java.time.Instant;

/**
 * One place a service answers: its context in a runtime, or one of its instances.
 *
 * @param service the service, e.g. {@code thumbnails}
 * @param id which of the service's endpoints: {@code runtime} for the runtime's own
 * context, else the instance's name
 * @param host the address to reach it at
 * @param port its HTTP port
 * @param ready whether it takes requests
 * @param since when it entered the state it is in
 */
public record ServiceEndpoint(String service, String id, String host, int port, boolean ready, Instant since) {

	/** The id of a service's context in the runtime. */
	public static final String RUNTIME_ID = "runtime";

	/** What a client uses to reach a server bound to {@code address}. */
	public static String reachableHost(String address) {
		return switch (address) {
			case "", "0.0.0.0", "::", "[::]" -> "127.0.0.1";
			default -> address;
		};
	}

}
