package dev.hangar.runtime.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.hangar.service.cli.Table;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code instance}: creates, controls, shows and deletes instances through the running
 * runtime's management API. Exit 0 on success; 1 when the runtime refuses (the message
 * says why) or does not answer.
 */
@Command(name = "instance", description = "Create, control, show and delete instances of a template.",
		subcommands = { InstanceCommand.Create.class, InstanceCommand.ListInstances.class, InstanceCommand.Status.class,
				InstanceCommand.Control.class, InstanceCommand.Logs.class, InstanceCommand.Delete.class })
final class InstanceCommand implements Runnable {

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		throw new CommandLine.ParameterException(this.spec.commandLine(),
				"Missing command: create, list, status, control, logs or delete");
	}

	@Command(name = "create", description = "Create an instance of a template and start it (unless --down).")
	static final class Create extends NamedInstanceOperation {

		@CommandLine.Option(names = "--down", description = "Create it down: it starts with 'control up'.")
		boolean down;

		@CommandLine.Option(names = "--wait-ready", description = "Return once the instance is ready.")
		boolean waitReady;

		@CommandLine.Option(names = "--timeout", converter = DurationConverter.class,
				description = "How long --wait-ready waits, e.g. 30s or 2m. Default: instances.ready-timeout.")
		@Nullable Duration timeout;

		@Override
		RuntimeClient.Answer send(RuntimeClient client) {
			String query = "?down=" + this.down + "&waitReady=" + this.waitReady
					+ ((this.timeout != null) ? "&timeout=" + this.timeout : "");
			return client.send("POST", path(this.template, this.name) + query);
		}

	}

	@Command(name = "list", description = "List instances, of one template or all.")
	static final class ListInstances extends InstanceOperation {

		@CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "TEMPLATE")
		@Nullable String template;

		@Override
		RuntimeClient.Answer send(RuntimeClient client) {
			return client.send("GET",
					"/api/instances" + ((this.template != null) ? "?template=" + encode(this.template) : ""));
		}

		@Override
		void print(PrintWriter out, RuntimeClient client, RuntimeClient.Answer answer) {
			List<List<String>> rows = new ArrayList<>();
			for (JsonValue status : JsonValue.parse(answer.body())) {
				rows.add(List.of(status.path("template").asString() + "@" + status.path("name").asString(),
						status.path("state").asString(), status.path("wanted").asString(),
						status.path("ready").asBoolean() ? "yes" : "no", String.valueOf(status.path("port").asInt()),
						status.path("pid").isAbsent() ? "-" : status.path("pid").asString(),
						ListCommand.uptime(status.path("uptimeSeconds")),
						String.valueOf(status.path("restarts").asInt())));
			}
			out.print(Table.of(List.of("INSTANCE", "STATE", "WANTED", "READY", "PORT", "PID", "UPTIME", "RESTARTS"),
					rows));
		}

	}

	@Command(name = "status",
			description = "Show one instance: up/down, pid, uptime, ready, wanted, restarts, last exit.")
	static final class Status extends NamedInstanceOperation {

		@Override
		RuntimeClient.Answer send(RuntimeClient client) {
			return client.send("GET", path(this.template, this.name));
		}

	}

	@Command(name = "control", description = "up, down, once, restart, term, kill or hup.")
	static final class Control extends NamedInstanceOperation {

		@CommandLine.Parameters(index = "2", paramLabel = "ACTION")
		String action;

		@Override
		RuntimeClient.Answer send(RuntimeClient client) {
			return client.send("POST", path(this.template, this.name) + "/" + encode(this.action));
		}

	}

	@Command(name = "logs", description = "Print the end of an instance's log.")
	static final class Logs extends NamedInstanceOperation {

		@CommandLine.Option(names = "--lines", defaultValue = "100", description = "How many lines, default 100.")
		int lines;

		@CommandLine.Option(names = { "-f", "--follow" },
				description = "Go on printing what the instance writes, until it is deleted or Ctrl-C.")
		boolean follow;

		@Override
		RuntimeClient.Answer send(RuntimeClient client) {
			return client.send("GET", path(this.template, this.name) + "/logs?lines=" + this.lines);
		}

		@Override
		void print(PrintWriter out, RuntimeClient client, RuntimeClient.Answer answer) {
			out.print(answer.body());
			out.flush();
			String offset = answer.logOffset();
			while (this.follow && offset != null) {
				try {
					Thread.sleep(250);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				RuntimeClient.Answer next = client.send("GET", path(this.template, this.name) + "/logs?from=" + offset);
				if (!next.ok()) {
					return;
				}
				out.print(next.body());
				out.flush();
				offset = next.logOffset();
			}
		}

	}

	@Command(name = "delete", description = "Stop an instance and delete it, with its state, data and log.")
	static final class Delete extends NamedInstanceOperation {

		@Override
		RuntimeClient.Answer send(RuntimeClient client) {
			return client.send("DELETE", path(this.template, this.name));
		}

		@Override
		void print(PrintWriter out, RuntimeClient client, RuntimeClient.Answer answer) {
			out.println("Deleted " + this.template + "@" + this.name + ".");
		}

	}

}
