package dev.hangar.runtime.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.hangar.service.ServiceCatalog;
import dev.hangar.service.ServiceDefinition;
import dev.hangar.service.cli.ConnectorsCommand;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Help on every command of runtime.jar and of a connector's jar: {@code -h},
 * {@code --help} and {@code help <command>} print the usage and exit 0, never an "Unknown
 * option" or a configuration error.
 */
class CommandHelpTest {

	private final Supplier<ServiceCatalog> catalog = () -> ServiceCatalog.load(getClass().getClassLoader());

	@ParameterizedTest(name = "runtime.jar {0}")
	@ValueSource(strings = { "--help", "-h", "help", "server --help", "server -h", "list --help", "health --help",
			"config --help", "instance --help", "instance create --help", "instance logs -h", "init --help",
			"cache --help", "cache prepare --help", "cache list -h", "version --help", "help server", "help instance",
			"instance help create", "cache help prepare", "thumbnails --help", "thumbnails server --help",
			"thumbnails config -h", "thumbnails help server", "settings server --help", "storage-users server --help" })
	void printsTheUsageOfEveryCommandAndExitsZero(String arguments) {
		String[] args = arguments.split(" ");
		Output output = new Output();

		int exitCode = output.attach(RuntimeCommand.commandLine(this.catalog, args)).execute(args);

		assertThat(exitCode).as(output.toString()).isZero();
		String named = String.join(" ",
				List.of(args).stream().filter((arg) -> !arg.startsWith("-") && !arg.equals("help")).toList());
		assertThat(output.toString()).startsWith("Usage: runtime.jar" + (named.isEmpty() ? "" : " " + named))
			.doesNotContain("Unknown");
	}

	@ParameterizedTest(name = "storage.jar {0}")
	@ValueSource(strings = { "--help", "-h", "help", "help storage-users", "storage-users --help",
			"storage-users server --help", "storage-system help config" })
	void aConnectorsJarHasHelpForEachConnector(String arguments) {
		String[] args = arguments.split(" ");
		List<ServiceDefinition> connectors = this.catalog.get()
			.all()
			.stream()
			.filter((service) -> service.name().startsWith("storage-"))
			.toList();
		Output output = new Output();

		int exitCode = output.attach(ConnectorsCommand.commandLine("storage", "Serves storage spaces", connectors))
			.execute(args);

		assertThat(exitCode).as(output.toString()).isZero();
		assertThat(output.toString()).startsWith("Usage: storage.jar").contains("storage-");
	}

	/** What a command printed, to standard output and error together. */
	private static final class Output {

		private final StringWriter text = new StringWriter();

		CommandLine attach(CommandLine commandLine) {
			PrintWriter writer = new PrintWriter(this.text, true);
			commandLine.setOut(writer);
			commandLine.setErr(writer);
			return commandLine;
		}

		@Override
		public String toString() {
			return this.text.toString();
		}

	}

}
