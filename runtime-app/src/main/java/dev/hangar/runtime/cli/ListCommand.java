package dev.hangar.runtime.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.hangar.service.cli.ExitCodes;
import dev.hangar.service.cli.Table;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code list}: asks the running runtime what it runs and prints a table. */
@Command(name = "list", description = "Show what the running runtime runs: service, state, port, PID, uptime.")
final class ListCommand implements Callable<Integer> {

	@CommandLine.Mixin
	private RuntimeLocation location = new RuntimeLocation();

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		try {
			JsonValue answer = this.location.client().get("/actuator/services");
			List<List<String>> rows = new ArrayList<>();
			for (JsonValue service : answer.path("services")) {
				rows.add(List.of(service.path("name").asString(), service.path("state").asString(),
						text(service.path("port")), text(service.path("pid")), uptime(service.path("uptimeSeconds"))));
			}
			this.spec.commandLine()
				.getOut()
				.print(Table.of(List.of("SERVICE", "STATE", "PORT", "PID", "UPTIME"), rows));
			List<List<String>> endpoints = new ArrayList<>();
			for (JsonValue endpoint : answer.path("endpoints")) {
				endpoints.add(List.of(endpoint.path("service").asString(), endpoint.path("id").asString(),
						endpoint.path("host").asString() + ":" + endpoint.path("port").asString(),
						endpoint.path("ready").asBoolean() ? "yes" : "no", endpoint.path("since").asString()));
			}
			if (!endpoints.isEmpty()) {
				this.spec.commandLine().getOut().println();
				this.spec.commandLine()
					.getOut()
					.print(Table.of(List.of("ENDPOINT OF", "ID", "WHERE", "READY", "SINCE"), endpoints));
			}
			this.spec.commandLine().getOut().flush();
			return ExitCodes.OK;
		}
		catch (RuntimeClient.RuntimeUnreachableException ex) {
			this.spec.commandLine().getErr().println(ex.getMessage());
			return ExitCodes.FAILURE;
		}
	}

	private static String text(JsonValue node) {
		return node.isAbsent() ? "-" : node.asString();
	}

	static String uptime(JsonValue seconds) {
		if (seconds.isAbsent()) {
			return "-";
		}
		long total = seconds.asLong();
		if (total < 60) {
			return total + "s";
		}
		if (total < 3600) {
			return (total / 60) + "m" + (total % 60) + "s";
		}
		return (total / 3600) + "h" + (total % 3600 / 60) + "m";
	}

}
