package dev.hangar.runtime;

import dev.hangar.runtime.cli.RuntimeCommand;
import dev.hangar.service.ServiceCatalog;
import dev.hangar.service.ServiceLauncher;

/** {@code java -jar runtime.jar}: Hangar's command line. */
public final class HangarMain {

	private HangarMain() {
	}

	public static void main(String[] args) {
		ServiceCatalog catalog = ServiceCatalog.load(HangarMain.class.getClassLoader());
		ServiceLauncher.exit(RuntimeCommand.commandLine(catalog).execute(args));
	}

}
