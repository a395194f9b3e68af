package dev.hangar.service.cli;

import dev.hangar.config.InvalidConfigurationException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns configuration that any command cannot read (a malformed {@code hangar.yaml}, say)
 * into its message and exit code 78 rather than a stack trace.
 */
public final class ConfigurationErrorHandler implements IExecutionExceptionHandler {

	@Override
	public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult)
			throws Exception {
		if (ex instanceof InvalidConfigurationException) {
			commandLine.getErr().println("Invalid configuration: " + ex.getMessage());
			commandLine.getErr().flush();
			return ExitCodes.CONFIG;
		}
		throw ex;
	}

}
