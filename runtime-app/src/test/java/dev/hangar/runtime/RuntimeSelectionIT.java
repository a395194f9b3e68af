package dev.hangar.runtime;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hangar.service.test.FreePorts;
import dev.hangar.service.test.HangarProcess;

import static org.assertj.core.api.Assertions.assertThat;

/** HANGAR_RUN_SERVICES in a real runtime: only the named services run. */
class RuntimeSelectionIT {

	@Test
	void runServicesStartsOnlyThoseNamed(@TempDir Path home) {
		try (RuntimeUnderTest runtime = new RuntimeUnderTest(home).start("HANGAR_RUN_SERVICES", " thumbnails ")) {
			HangarProcess.Result list = runtime.command("list");

			assertThat(list.output()).contains("thumbnails").doesNotContain("settings");
			assertThat(FreePorts.isFree(runtime.settingsPort)).isTrue();
		}
	}

}
