package dev.hangar.runtime.cli;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine;

/** The {@code --url} option of the commands that talk to a running runtime. */
final class RuntimeLocation {

	@CommandLine.Option(names = "--url",
			description = "The runtime's management URL, e.g. http://127.0.0.1:9250. Default: from runtime.host and runtime.port.")
	private @Nullable String url;

	RuntimeClient client() {
		return RuntimeClient.locate(this.url);
	}

}
