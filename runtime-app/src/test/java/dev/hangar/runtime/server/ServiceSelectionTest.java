package dev.hangar.runtime.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hangar.config.ConfigDirectory;
import dev.hangar.config.ConfigInputs;
import dev.hangar.config.ConfigLayers;
import dev.hangar.config.InvalidConfigurationException;
import dev.hangar.service.Instancing;
import dev.hangar.service.ServiceCatalog;
import dev.hangar.service.ServiceDefinition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which services the runtime runs, from HANGAR_RUN_SERVICES, HANGAR_ADD_RUN_SERVICES and
 * HANGAR_EXCLUDE_RUN_SERVICES.
 */
class ServiceSelectionTest {

	private final ServiceCatalog catalog = new ServiceCatalog(
			List.of(service("alpha", true), service("beta", true), service("gamma", false)));

	@TempDir
	Path configDir;

	@Test
	void withNoSelectionItRunsTheDefaultServices() {
		assertThat(select(Map.of())).containsExactly("alpha", "beta");
	}

	@Test
	void runServicesRunsExactlyThoseAndIgnoresAddAndExclude() {
		assertThat(select(Map.of("HANGAR_RUN_SERVICES", " gamma , alpha", "HANGAR_ADD_RUN_SERVICES", "beta",
				"HANGAR_EXCLUDE_RUN_SERVICES", "alpha")))
			.containsExactly("alpha", "gamma");
	}

	@Test
	void addAndExcludeChangeTheDefaultSet() {
		assertThat(select(Map.of("HANGAR_ADD_RUN_SERVICES", "gamma", "HANGAR_EXCLUDE_RUN_SERVICES", "beta")))
			.containsExactly("alpha", "gamma");
	}

	@Test
	void anEmptyRunServicesMeansNoSelection() {
		assertThat(select(Map.of("HANGAR_RUN_SERVICES", " , "))).containsExactly("alpha", "beta");
	}

	@Test
	void anUnknownNameIsAnErrorThatNamesItsSourceAndTheKnownServices() {
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> select(Map.of("HANGAR_EXCLUDE_RUN_SERVICES", "alpha,delta")))
			.withMessageContaining("Unknown service 'delta' in exclude-run-services")
			.withMessageContaining("HANGAR_EXCLUDE_RUN_SERVICES")
			.withMessageContaining("Known services: alpha, beta, gamma");
	}

	@Test
	void theCommandLineSelectsToo() {
		assertThat(select(Map.of("HANGAR_RUN_SERVICES", "alpha"), "--run-services=beta")).containsExactly("beta");
	}

	@Test
	void excludingEveryServiceIsAnError() {
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> select(Map.of("HANGAR_EXCLUDE_RUN_SERVICES", "alpha,beta")))
			.withMessageContaining("No service is selected")
			.withMessageContaining("HANGAR_EXCLUDE_RUN_SERVICES");
	}

	private List<String> select(Map<String, String> environment, String... arguments) {
		ConfigLayers layers = new ConfigLayers(
				new ConfigInputs(new ConfigDirectory(this.configDir, "test"), environment, List.of(arguments)));
		RuntimeConfiguration configuration = new RuntimeConfiguration(layers);
		return new ServiceSelection(this.catalog).select(configuration.selection(), configuration)
			.stream()
			.map(ServiceDefinition::name)
			.toList();
	}

	private static ServiceDefinition service(String name, boolean byDefault) {
		return new ServiceDefinition() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public String description() {
				return name;
			}

			@Override
			public int defaultPort() {
				return 1;
			}

			@Override
			public Instancing instancing() {
				return Instancing.RUNTIME_ONLY;
			}

			@Override
			public Class<?> configuration() {
				return Object.class;
			}

			@Override
			public List<Class<?>> propertiesClasses() {
				return List.of();
			}

			@Override
			public boolean runByDefault() {
				return byDefault;
			}

		};
	}

}
