package dev.hangar.runtime.instances;

import java.util.Set;

import dev.hangar.runtime.process.LoopbackPorts;
import dev.hangar.service.web.RequestRefusedException;

import org.springframework.http.HttpStatus;

/**
 * Ports for instances whose layer names none: from the configured range, held by no
 * instance, free.
 */
final class PortAllocator {

	private final int first;

	private final int last;

	PortAllocator(int first, int last) {
		this.first = first;
		this.last = last;
	}

	/**
	 * The first port of the range not in {@code taken} that nothing listens on.
	 * @throws RequestRefusedException (503) when the range is used up
	 */
	int allocate(Set<Integer> taken) {
		for (int port = this.first; port <= this.last; port++) {
			if (!taken.contains(port) && LoopbackPorts.isFree(port)) {
				return port;
			}
		}
		throw new RequestRefusedException(HttpStatus.SERVICE_UNAVAILABLE,
				"No free port left in instances.port-range-start..port-range-end (" + this.first + "-" + this.last
						+ "). Widen the range.");
	}

}
