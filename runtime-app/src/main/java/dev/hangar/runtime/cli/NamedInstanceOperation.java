package dev.hangar.runtime.cli;

import picocli.CommandLine;

/**
 * An operation on one named instance: TEMPLATE NAME, the name checked before anything is
 * sent.
 */
abstract class NamedInstanceOperation extends InstanceOperation {

	@CommandLine.Parameters(index = "0", paramLabel = "TEMPLATE")
	String template;

	@CommandLine.Parameters(index = "1", paramLabel = "NAME")
	String name;

	@Override
	String instanceName() {
		return this.name;
	}

}
