package dev.hangar.runtime.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import dev.hangar.service.cli.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code health}: prints the running runtime's aggregated health; exit 0 when UP, 1
 * otherwise, for scripts and container health checks.
 */
@Command(name = "health", description = "Print the runtime's aggregated health. Exit 0 when UP, 1 otherwise.")
final class HealthCommand implements Callable<Integer> {

	@CommandLine.Mixin
	private RuntimeLocation location = new RuntimeLocation();

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		try {
			JsonValue health = this.location.client().get("/actuator/health");
			String status = health.path("status").asString("UNKNOWN");
			out.println(status);
			JsonValue services = health.path("components").path("services").path("components");
			services.members()
				.forEach((name, component) -> out
					.println("  " + name + ": " + component.path("status").asString() + describeFailure(component)));
			return "UP".equals(status) ? ExitCodes.OK : ExitCodes.FAILURE;
		}
		catch (RuntimeClient.RuntimeUnreachableException ex) {
			this.spec.commandLine().getErr().println(ex.getMessage());
			return ExitCodes.FAILURE;
		}
	}

	private static String describeFailure(JsonValue component) {
		JsonValue failure = component.path("details").path("failure");
		return failure.isMissing() ? "" : " (" + failure.asString() + ")";
	}

}
