package dev.hangar.runtime.cli;

import java.io.File;
import java.io.IOException;

import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

import dev.hangar.service.ServiceCatalog;

/**
 * Writes the AsciiDoc sources of runtime.jar's man pages, one per command and subcommand,
 * from the same command model as {@code --help}; the build turns them into man pages
 * (asciidoctor's manpage backend). Run by the build, not a test.
 */
public final class ManPages {

	private ManPages() {
	}

	/**
	 * @param args the directory to write to
	 */
	public static void main(String[] args) throws IOException {
		CommandLine commandLine = RuntimeCommand.commandLine(() -> ServiceCatalog.load(ManPages.class.getClassLoader()),
				"help");
		commandLine.setCommandName("runtime.jar");
		int written = ManPageGenerator.generateManPage(new File(args[0]), null, new boolean[0], true,
				commandLine.getCommandSpec());
		if (written != 0) {
			throw new IllegalStateException("picocli's ManPageGenerator returned " + written);
		}
	}

}
