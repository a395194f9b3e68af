package dev.hangar.runtime.cli;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;

import dev.hangar.runtime.instances.InstanceName;
import dev.hangar.service.cli.ExitCodes;
import picocli.CommandLine;

/**
 * What every instance command shares: where the runtime is, and how to print its answer.
 */
abstract class InstanceOperation implements Callable<Integer> {

	@CommandLine.Mixin
	RuntimeLocation location = new RuntimeLocation();

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		try {
			String name = instanceName();
			if (name != null) {
				new InstanceName(name);
			}
			RuntimeClient client = this.location.client();
			RuntimeClient.Answer answer = send(client);
			if (!answer.ok()) {
				err.println("Refused (" + answer.status() + "): " + detail(client, answer));
				return ExitCodes.FAILURE;
			}
			print(out, client, answer);
			out.flush();
			return ExitCodes.OK;
		}
		catch (InstanceName.InvalidInstanceNameException ex) {
			err.println(ex.getMessage());
			return ExitCodes.USAGE;
		}
		catch (RuntimeClient.RuntimeUnreachableException ex) {
			err.println(ex.getMessage());
			return ExitCodes.FAILURE;
		}
	}

	/**
	 * The instance name this command acts on, checked before anything is sent; null for
	 * none.
	 */
	@Nullable String instanceName() {
		return null;
	}

	private static String detail(RuntimeClient client, RuntimeClient.Answer answer) {
		try {
			return JsonValue.parse(answer.body()).path("detail").asString(answer.body());
		}
		catch (RuntimeException ex) {
			return answer.body();
		}
	}

	abstract RuntimeClient.Answer send(RuntimeClient client);

	void print(PrintWriter out, RuntimeClient client, RuntimeClient.Answer answer) {
		JsonValue status = JsonValue.parse(answer.body());
		out.println(describe(status));
	}

	static String path(String template, String name) {
		return "/api/instances/" + encode(template) + "/" + encode(name);
	}

	static String encode(String segment) {
		return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
	}

	static String describe(JsonValue status) {
		StringBuilder text = new StringBuilder(status.path("template").asString() + "@" + status.path("name").asString()
				+ ": " + status.path("state").asString());
		if (!status.path("pid").isAbsent()) {
			text.append(" (pid ")
				.append(status.path("pid").asLong())
				.append(") ")
				.append(ListCommand.uptime(status.path("uptimeSeconds")));
		}
		text.append(status.path("ready").asBoolean() ? ", ready" : ", not ready")
			.append(", wanted ")
			.append(status.path("wanted").asString())
			.append(", port ")
			.append(status.path("port").asInt())
			.append(", restarts ")
			.append(status.path("restarts").asInt());
		if (!status.path("lastExit").isAbsent()) {
			text.append(", last exit: ").append(status.path("lastExit").asString());
		}
		if (!status.path("problem").isAbsent()) {
			text.append("\n  problem: ").append(status.path("problem").asString());
		}
		if (status.path("adopted").asBoolean()) {
			text.append(", adopted");
		}
		if (status.path("fromStartupCache").asBoolean()) {
			text.append(", from startup cache");
		}
		return text.toString();
	}

}
