package dev.hangar.service.cli;

import picocli.CommandLine.IVersionProvider;

/** Hangar's version, from the jar's manifest. */
public final class HangarVersion implements IVersionProvider {

	@Override
	public String[] getVersion() {
		return new String[] { "Hangar " + version(),
				"Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")" };
	}

	public static String version() {
		String version = HangarVersion.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "development";
	}

}
