package dev.hangar.runtime.instances;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * Processes of the operating system, through {@link ProcessBuilder} and
 * {@link ProcessHandle}.
 */
final class OsProcessLauncher implements ProcessLauncher {

	@Override
	public RunningProcess start(Launch launch, Path log) throws IOException {
		Files.createDirectories(launch.workingDir());
		ProcessBuilder builder = new ProcessBuilder(launch.command()).directory(launch.workingDir().toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(launch.environment());
		Process process = builder.start();
		return new OsProcess(process.toHandle(), process);
	}

	@Override
	public Optional<RunningProcess> adopt(long pid, Instant started) {
		return ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.filter((handle) -> handle.info().startInstant().map(started::equals).orElse(false))
			.map((handle) -> new OsProcess(handle, null));
	}

	/**
	 * A process of the system; {@code child} is set when this runtime started it, so its
	 * exit code is known.
	 */
	private record OsProcess(ProcessHandle handle, @Nullable Process child) implements RunningProcess {

		@Override
		public long pid() {
			return this.handle.pid();
		}

		@Override
		public @Nullable Instant startInstant() {
			return this.handle.info().startInstant().orElse(null);
		}

		@Override
		public boolean isAlive() {
			return this.handle.isAlive();
		}

		@Override
		public CompletableFuture<Void> onExit() {
			return this.handle.onExit().thenApply((exited) -> null);
		}

		@Override
		public void signal(String name) {
			switch (name) {
				case "TERM" -> this.handle.destroy();
				case "KILL" -> this.handle.destroyForcibly();
				default -> sendWithKill(name);
			}
		}

		/**
		 * Signals other than TERM and KILL have no Java API: {@code kill -SIG pid}, not
		 * waited for.
		 */
		private void sendWithKill(String name) {
			try {
				Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(pid())).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.start();
				kill.onExit();
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot send SIG" + name + " to " + pid() + ": " + ex.getMessage(), ex);
			}
		}

		@Override
		public String describeExit() {
			if (this.child == null) {
				return "exited (adopted process: status unknown)";
			}
			int code = this.child.exitValue();
			if (code > 128) {
				int signal = code - 128;
				return "signal " + signal + signalName(signal);
			}
			return "exit " + code;
		}

		@Override
		public boolean isAdopted() {
			return this.child == null;
		}

		@Override
		public Optional<String[]> arguments() {
			return this.handle.info().arguments();
		}

		private static String signalName(int signal) {
			return switch (signal) {
				case 1 -> " (SIGHUP)";
				case 2 -> " (SIGINT)";
				case 9 -> " (SIGKILL)";
				case 15 -> " (SIGTERM)";
				default -> "";
			};
		}

	}

}
