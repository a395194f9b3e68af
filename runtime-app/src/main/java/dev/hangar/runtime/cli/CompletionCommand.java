package dev.hangar.runtime.cli;

import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import dev.hangar.service.cli.ExitCodes;

/**
 * {@code completion}: prints a bash completion script for every command and option of
 * runtime.jar, made from the same command model as the help (zsh runs it through
 * bashcompinit, which the script loads itself).
 */
@Command(name = "completion",
		description = { "Print a bash and zsh completion script for the command NAME (default: hangar).",
				"Install: alias hangar=/path/to/deploy/bin/hangar; source <(hangar completion)" })
final class CompletionCommand implements Callable<Integer> {

	@CommandLine.Option(names = "--name", defaultValue = "hangar",
			description = "The command the script completes, e.g. an alias of 'java -jar runtime.jar'. Default: ${DEFAULT-VALUE}.")
	private String name = "hangar";

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		CommandLine root = this.spec.root().commandLine();
		this.spec.commandLine().getOut().print(AutoComplete.bash(this.name, root));
		this.spec.commandLine().getOut().flush();
		return ExitCodes.OK;
	}

}
