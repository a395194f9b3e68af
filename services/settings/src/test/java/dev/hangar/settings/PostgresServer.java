package dev.hangar.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.hangar.service.test.FreePorts;

/**
 * A throwaway PostgreSQL server, made with the installed server binaries ({@code initdb},
 * {@code pg_ctl}) in a directory of the test's, on a free port. As root, it runs as the
 * {@code postgres} user, since PostgreSQL refuses to run as root.
 */
final class PostgresServer implements AutoCloseable {

	private final Path bin;

	private final Path dataDir;

	private final int port;

	private final boolean asPostgresUser;

	private PostgresServer(Path bin, Path dataDir, int port, boolean asPostgresUser) {
		this.bin = bin;
		this.dataDir = dataDir;
		this.port = port;
		this.asPostgresUser = asPostgresUser;
	}

	/** The newest installed server's bin directory, e.g. /usr/lib/postgresql/15/bin. */
	static Optional<Path> installedBin() {
		Path root = Path.of("/usr/lib/postgresql");
		if (!Files.isDirectory(root)) {
			return Optional.empty();
		}
		try (Stream<Path> versions = Files.list(root)) {
			return versions.map((version) -> version.resolve("bin"))
				.filter((bin) -> Files.isExecutable(bin.resolve("initdb")))
				.max(Comparator.comparing(Path::toString));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	static PostgresServer start(Path bin, Path parent) throws IOException, InterruptedException {
		boolean root = "root".equals(System.getProperty("user.name"));
		Path dataDir = Files.createDirectories(parent.resolve("pgdata"));
		if (root) {
			run(List.of("chown", "-R", "postgres:postgres", parent.toString()), false);
			run(List.of("chmod", "755", parent.toString()), false);
		}
		PostgresServer server = new PostgresServer(bin, dataDir, FreePorts.next(), root);
		run(List.of(bin.resolve("initdb").toString(), "-D", dataDir.toString(), "-A", "trust", "-U", "hangar", "-E",
				"UTF8"), root);
		run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-w", "-t", "60", "-l",
				dataDir.resolve("server.log").toString(), "-o",
				"-p " + server.port + " -k " + dataDir + " -c listen_addresses=127.0.0.1", "start"), root);
		return server;
	}

	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/postgres";
	}

	@Override
	public void close() throws IOException, InterruptedException {
		run(List.of(this.bin.resolve("pg_ctl").toString(), "-D", this.dataDir.toString(), "-m", "fast", "-w", "stop"),
				this.asPostgresUser);
	}

	private static void run(List<String> command, boolean asPostgresUser) throws IOException, InterruptedException {
		List<String> full = new ArrayList<>();
		if (asPostgresUser) {
			full.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		full.addAll(command);
		Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException("'" + String.join(" ", full) + "' failed:\n" + output);
		}
	}

}
