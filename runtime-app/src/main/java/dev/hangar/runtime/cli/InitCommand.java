package dev.hangar.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;

import dev.hangar.config.ConfigInputs;
import dev.hangar.config.ConfigLayers;
import dev.hangar.service.cli.ExitCodes;
import dev.hangar.service.support.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code init}: writes {@code hangar.yaml} with freshly generated secrets, mode 0600.
 * Refuses to overwrite an existing file unless {@code --force}, and then keeps the old
 * one as a backup.
 */
@Command(name = "init",
		description = "Write hangar.yaml with freshly generated secrets (mode 0600); a running runtime uses the new secret from its next call.")
final class InitCommand implements Callable<Integer> {

	@CommandLine.Option(names = "--force", description = "Overwrite an existing hangar.yaml, keeping a backup of it.")
	private boolean force;

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		ConfigInputs inputs = ConfigInputs.ofProcess(List.of());
		Path dir = inputs.configPath();
		Path file = dir.resolve(ConfigLayers.HANGAR_FILE);
		if (Files.exists(file) && !this.force) {
			err.println(file
					+ " exists already; nothing was changed. Use 'init --force' to replace it (the old file is kept "
					+ "as a backup), or edit it.");
			return ExitCodes.FAILURE;
		}
		if (!Files.isDirectory(dir)) {
			Files.createDirectories(dir,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		}
		if (Files.exists(file)) {
			Path backup = dir.resolve(ConfigLayers.HANGAR_FILE + ".backup-"
					+ LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
			Files.copy(file, backup, StandardCopyOption.COPY_ATTRIBUTES);
			out.println("Kept the old file as " + backup);
		}
		AtomicFiles.write(file, content().getBytes(StandardCharsets.UTF_8),
				PosixFilePermissions.fromString("rw-------"));
		out.println("Wrote " + file
				+ " (mode 0600) with a new runtime secret. A running runtime uses it from its next call.");
		out.flush();
		return ExitCodes.OK;
	}

	private static String content() {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		return """
				# Hangar configuration, written by 'runtime.jar init'. Global keys here apply to every
				# service; a section named after a service (thumbnails:) holds that service's keys.
				runtime:
				  # The credential every state-changing call to the management API must present.
				  secret: %s
				""".formatted(Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
	}

}
