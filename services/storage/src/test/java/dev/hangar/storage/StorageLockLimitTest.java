package dev.hangar.storage;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hangar.service.test.Http;
import dev.hangar.service.test.RawHttp;
import dev.hangar.service.test.ServiceUnderTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tomcat keeps every WebDAV lock in memory for up to a week: a space holds at most
 * {@code max-locks}, so that LOCK requests cannot fill the heap; a lock released makes
 * room.
 */
@Tag("hostile-clients")
class StorageLockLimitTest {

	private static final String SHARED_LOCK = "<?xml version=\"1.0\"?><D:lockinfo xmlns:D=\"DAV:\"><D:lockscope><D:shared/>"
			+ "</D:lockscope><D:locktype><D:write/></D:locktype><D:owner>someone</D:owner></D:lockinfo>";

	@TempDir
	Path home;

	@Test
	void noMoreLocksThanAllowedAreHeldAndAReleasedOneMakesRoom() {
		try (ServiceUnderTest storage = ServiceUnderTest.start(new StorageConnector().connector("storage-users", 0),
				this.home, "--max-locks=5")) {
			URI base = storage.uri("");
			Http.put(storage.uri("/shared.txt"), "text/plain", "shared");
			List<String> tokens = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				RawHttp.Response lock = lock(base);
				assertThat(lock.status()).isEqualTo(200);
				tokens.add(lock.header("Lock-Token"));
			}

			RawHttp.Response sixth = lock(base);
			RawHttp.Response refresh = RawHttp.send(base, "LOCK", "/shared.txt", "", "If: (" + tokens.get(0) + ")",
					"Timeout: Second-600");
			RawHttp.Response unlock = RawHttp.send(base, "UNLOCK", "/shared.txt", "", "Lock-Token: " + tokens.get(1));
			RawHttp.Response afterUnlock = lock(base);

			assertThat(sixth.status()).isEqualTo(507);
			assertThat(sixth.body()).contains("max-locks");
			assertThat(refresh.status()).isEqualTo(200);
			assertThat(unlock.status()).isEqualTo(204);
			assertThat(afterUnlock.status()).isEqualTo(200);
			assertThat(lock(base).status()).isEqualTo(507);
		}
	}

	private static RawHttp.Response lock(URI base) {
		return RawHttp.send(base, "LOCK", "/shared.txt", SHARED_LOCK, "Content-Type: application/xml",
				"Timeout: Second-604800");
	}

}
