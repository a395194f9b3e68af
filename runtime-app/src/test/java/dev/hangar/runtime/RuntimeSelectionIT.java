package dev.hangar.runtime;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.hangar.service.test.FreePorts;
import dev.hangar.service.test.HangarProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A runtime started from its environment as a user would: HANGAR_RUN_SERVICES runs only
 * the services named; a plain Spring Boot variable, which Hangar does not read, is named
 * in a warning with the variable that does the job.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuntimeSelectionIT {

	private RuntimeUnderTest runtime;

	@BeforeAll
	void start(@TempDir Path home) {
		this.runtime = new RuntimeUnderTest(home).start("HANGAR_RUN_SERVICES", " thumbnails ", "SERVER_PORT", "1234");
	}

	@AfterAll
	void stop() {
		this.runtime.close();
	}

	@Test
	void runServicesStartsOnlyThoseNamed() {
		HangarProcess.Result list = this.runtime.command("list");

		assertThat(list.output()).contains("thumbnails").doesNotContain("settings");
		assertThat(FreePorts.isFree(this.runtime.settingsPort)).isTrue();
	}

	@Test
	void aPlainSpringBootVariableIsNamedWithTheHangarVariableThatDoesItsJob() {
		assertThat(this.runtime.process().output())
			.contains("Environment variable SERVER_PORT is a plain Spring Boot setting, which Hangar does not read: "
					+ "set HANGAR_HTTP_PORT");
		assertThat(FreePorts.isFree(1234)).isTrue();
	}

}
