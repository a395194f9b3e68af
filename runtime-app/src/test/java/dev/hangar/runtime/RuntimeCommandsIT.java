package dev.hangar.runtime;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hangar.service.test.FreePorts;
import dev.hangar.service.test.HangarProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The commands of runtime.jar that need no running runtime, and those that find none. */
class RuntimeCommandsIT {

	@TempDir
	Path home;

	@Test
	void listWithNoRuntimeSaysWhereItLookedAndHowToPointElsewhere() {
		int port = FreePorts.next();

		HangarProcess.Result list = run("list", "HANGAR_RUNTIME_PORT", String.valueOf(port));

		assertThat(list.exitCode()).isEqualTo(1);
		assertThat(list.output())
			.contains("No Hangar runtime answered at http://127.0.0.1:" + port + "/actuator/services")
			.contains("runtime.port from System Environment Property \"HANGAR_RUNTIME_PORT\"")
			.contains("--url");
	}

	@Test
	void listWithAMalformedConfigFileSaysSoInsteadOfAStackTrace() throws java.io.IOException {
		java.nio.file.Files.createDirectories(this.home.resolve("config"));
		java.nio.file.Files.writeString(this.home.resolve("config/hangar.yaml"), "runtime: [\n");

		HangarProcess.Result list = run("list", null, null);

		assertThat(list.exitCode()).isEqualTo(78);
		assertThat(list.output()).contains("Malformed YAML at").doesNotContain("\tat ");
	}

	@Test
	void healthWithNoRuntimeExitsOne() {
		HangarProcess.Result health = run("health", "HANGAR_RUNTIME_PORT", String.valueOf(FreePorts.next()));

		assertThat(health.exitCode()).isEqualTo(1);
		assertThat(health.output()).contains("No Hangar runtime answered");
	}

	@Test
	void configPrintsEachValueWithItsOrigin() {
		HangarProcess.Result config = HangarProcess.run(Jars.runtime(),
				HangarProcess.environment(this.home, "THUMBNAILS_MAX_WIDTH", "700", "HANGAR_HTTP_HOST", "0.0.0.0"),
				this.home.resolve("config.log"), "config", "thumbnails", "--max-height=600");

		assertThat(config.exitCode()).isZero();
		assertThat(config.output())
			.containsPattern("max-width\\s+700\\s+System Environment Property \"THUMBNAILS_MAX_WIDTH\"")
			.containsPattern("max-height\\s+600\\s+command-line argument '--max-height=600'")
			.containsPattern("http.host\\s+0.0.0.0\\s+System Environment Property \"HANGAR_HTTP_HOST\"")
			.containsPattern("max-input-size\\s+20MB\\s+built-in default");
	}

	@Test
	void configOfTheRuntimeShowsTheSelectionAndWhereItCameFrom() {
		HangarProcess.Result config = run("config", "HANGAR_RUN_SERVICES", "thumbnails", "runtime");

		assertThat(config.exitCode()).isZero();
		assertThat(config.output())
			.containsPattern("run-services\\s+thumbnails\\s+System Environment Property \"HANGAR_RUN_SERVICES\"")
			.containsPattern("runtime.port\\s+9250\\s+built-in default");
	}

	@Test
	void configOfAnUnknownServiceListsTheKnownOnes() {
		HangarProcess.Result config = run("config", null, null, "thumbnail");

		assertThat(config.exitCode()).isEqualTo(2);
		assertThat(config.output()).contains("Unknown service 'thumbnail'")
			.contains("Known services: " + RuntimeUnderTest.KNOWN_SERVICES);
	}

	@Test
	void versionPrintsHangarsAndJavasVersions() {
		HangarProcess.Result version = run("version", null, null);

		assertThat(version.exitCode()).isZero();
		assertThat(version.output()).contains("Hangar ").contains("Java " + System.getProperty("java.version"));
	}

	@Test
	void helpListsEveryCommandAndEveryService() {
		HangarProcess.Result help = run("--help", null, null);

		assertThat(help.exitCode()).isZero();
		assertThat(help.output()).contains("server", "list", "health", "config", "instance", "init", "cache", "version",
				"thumbnails", "settings", "storage-users", "storage-system");
	}

	@Test
	void aServiceIsACommandOfItsOwn() {
		HangarProcess.Result version = run("thumbnails", null, null, "version");

		assertThat(version.exitCode()).isZero();
		assertThat(version.output()).contains("Hangar ");
	}

	@Test
	void anUnknownCommandIsAUsageError() {
		HangarProcess.Result result = run("serve", null, null);

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.output()).contains("serve");
	}

	private HangarProcess.Result run(String command, String variable, String value, String... args) {
		String[] all = new String[args.length + 1];
		all[0] = command;
		System.arraycopy(args, 0, all, 1, args.length);
		var environment = (variable != null) ? HangarProcess.environment(this.home, variable, value)
				: HangarProcess.environment(this.home);
		return HangarProcess.run(Jars.runtime(), environment, this.home.resolve(command + ".log"), all);
	}

	@Test
	void completionCompletesCommandsSubcommandsAndOptionsInBashAndLoadsInZsh() throws Exception {
		HangarProcess.Result completion = run("completion", null, null);
		assertThat(completion.exitCode()).isZero();
		Path script = this.home.resolve("hangar.bash");
		java.nio.file.Files.writeString(script, completion.output());

		String commands = complete(script, "hangar", "");
		String instanceCommands = complete(script, "hangar instance", "c");
		String createOptions = complete(script, "hangar instance create", "--w");

		assertThat(commands.split(" ")).contains("server", "list", "health", "config", "instance", "init", "cache",
				"version", "completion", "help", "thumbnails", "storage-users");
		assertThat(instanceCommands.split(" ")).containsExactlyInAnyOrder("create", "control");
		assertThat(createOptions.split(" ")).containsExactly("--wait-ready");
		assumeThat(Path.of("/usr/bin/zsh")).as("zsh (Debian: zsh)").isExecutable();
		assertThat(shell("/usr/bin/zsh", "source " + script + " && complete -p hangar")).contains("_complete_hangar");
	}

	@Test
	void theBuildWritesAManPageForEveryCommandAndSubcommand() throws Exception {
		Path man = Path.of(System.getProperty("hangar.man.dir"));

		for (String command : List.of("", "-server", "-list", "-health", "-config", "-instance", "-instance-create",
				"-instance-logs", "-init", "-cache-prepare", "-version", "-completion", "-thumbnails-server")) {
			assertThat(man.resolve("runtime.jar" + command + ".1")).isRegularFile();
		}
		assumeThat(Path.of("/usr/bin/man")).as("man (Debian: man-db)").isExecutable();
		assertThat(shell("/bin/sh", "MANWIDTH=200 man -l " + man.resolve("runtime.jar-instance-create.1")))
			.contains("runtime.jar instance create", "--wait-ready", "Create an instance of a template");
	}

	@Test
	void theHangarLauncherRunsACommandFromTheArchiveItsFirstRunRecorded() throws Exception {
		Path cache = this.home.resolve("cache");
		String port = String.valueOf(FreePorts.next());

		String first = launch(cache, port, "version");
		try (var archives = java.nio.file.Files.find(cache, 4,
				(file, attributes) -> file.getFileName().toString().equals("version.jsa"))) {
			assertThat(archives.toList()).hasSize(1);
		}
		String second = launch(cache, port, "version");
		String list = launch(cache, port, "list");

		assertThat(first).startsWith("0\n").contains("Hangar ", "Commit ");
		assertThat(second).isEqualTo(first);
		assertThat(list).startsWith("1\n").contains("No Hangar runtime answered at http://127.0.0.1:" + port);
	}

	/** Runs deploy/bin/hangar; its exit code, a line, then what it printed. */
	private String launch(Path cache, String port, String... args) throws Exception {
		List<String> command = new java.util.ArrayList<>(
				List.of("bash", Jars.launcher().resolveSibling("hangar").toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().keySet().removeIf((name) -> name.startsWith("HANGAR_") || name.startsWith("JAVA"));
		builder.environment().putAll(HangarProcess.environment(this.home, "HANGAR_RUNTIME_PORT", port));
		builder.environment().put("HANGAR_JAR", Jars.runtime().toString());
		builder.environment().put("XDG_CACHE_HOME", cache.toString());
		builder.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		return process.exitValue() + "\n" + output;
	}

	/** What bash completes for the last word {@code word} after {@code before}. */
	private static String complete(Path script, String before, String word) throws Exception {
		String line = before + " " + word;
		String words = "(" + line + (word.isEmpty() ? " ''" : "") + ")";
		return shell("/bin/bash",
				"source " + script + "; COMP_WORDS=" + words + "; COMP_CWORD=$((${#COMP_WORDS[@]}-1)); COMP_LINE='"
						+ line + "'; COMP_POINT=${#COMP_LINE}; _complete_hangar hangar '" + word
						+ "' x 2>/dev/null; echo \"${COMPREPLY[@]}\"")
			.strip();
	}

	private static String shell(String shell, String command) throws Exception {
		Process process = new ProcessBuilder(shell, "-c", command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		return output;
	}

}
