package dev.hangar.runtime.registry;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.hangar.service.registry.ServiceEndpoint;

import static org.assertj.core.api.Assertions.assertThat;

/** The runtime's registry: one entry per service and id, the runtime's context first. */
class RuntimeRegistryTest {

	private final RuntimeRegistry registry = new RuntimeRegistry();

	@Test
	void listsEachServicesEndpointsWithTheRuntimesContextFirst() {
		this.registry.put(endpoint("thumbnails", "t2", 21001, true));
		this.registry.put(endpoint("thumbnails", ServiceEndpoint.RUNTIME_ID, 9185, true));
		this.registry.put(endpoint("settings", ServiceEndpoint.RUNTIME_ID, 9190, true));
		this.registry.put(endpoint("thumbnails", "a1", 21000, true));

		assertThat(this.registry.endpoints()).extracting((endpoint) -> endpoint.service() + "/" + endpoint.id())
			.containsExactly("settings/runtime", "thumbnails/runtime", "thumbnails/a1", "thumbnails/t2");
	}

	@Test
	void anEndpointPutAgainReplacesItselfAndOnlyReadyOnesTakeRequests() {
		this.registry.put(endpoint("thumbnails", "t2", 21001, true));
		this.registry.put(endpoint("thumbnails", "t3", 21002, false));
		this.registry.put(endpoint("thumbnails", "t2", 21005, true));

		assertThat(this.registry.endpoints()).hasSize(2);
		assertThat(this.registry.readyEndpoints("thumbnails")).extracting(ServiceEndpoint::port).containsExactly(21005);
		assertThat(this.registry.readyEndpoints("settings")).isEmpty();
	}

	@Test
	void aRemovedEndpointIsGoneAndRemovingAnUnknownOneChangesNothing() {
		this.registry.put(endpoint("thumbnails", "t2", 21001, true));

		this.registry.remove("thumbnails", "t2");
		this.registry.remove("thumbnails", "never");

		assertThat(this.registry.endpoints()).isEmpty();
	}

	private static ServiceEndpoint endpoint(String service, String id, int port, boolean ready) {
		return new ServiceEndpoint(service, id, "127.0.0.1", port, ready, Instant.EPOCH);
	}

}
