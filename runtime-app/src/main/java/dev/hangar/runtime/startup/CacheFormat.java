package dev.hangar.runtime.startup;

import java.nio.file.Path;

/** The form of class-data cache a JDK records and uses, with the options for each. */
public enum CacheFormat {

	/** JDK 17 to 24: a dynamic AppCDS archive, written when the training run exits. */
	CDS_ARCHIVE("classes.jsa", "-XX:ArchiveClassesAtExit=", "-XX:SharedArchiveFile=", "AppCDS archive"),

	/**
	 * JDK 25 and later: an AOT cache (JEP 483, 514), with classes loaded and linked ahead
	 * of time.
	 */
	AOT_CACHE("classes.aot", "-XX:AOTCacheOutput=", "-XX:AOTCache=", "AOT cache");

	private final String fileName;

	private final String recordOption;

	private final String useOption;

	private final String description;

	CacheFormat(String fileName, String recordOption, String useOption, String description) {
		this.fileName = fileName;
		this.recordOption = recordOption;
		this.useOption = useOption;
		this.description = description;
	}

	/** The format of a JDK with this feature version (17, 21, 25...). */
	public static CacheFormat forFeature(int feature) {
		return (feature >= 25) ? AOT_CACHE : CDS_ARCHIVE;
	}

	public String fileName() {
		return this.fileName;
	}

	/** The option that makes a training run write the cache to {@code file}. */
	public String recordOption(Path file) {
		return this.recordOption + file;
	}

	/** The option that makes a JVM start from the cache in {@code file}. */
	public String useOption(Path file) {
		return this.useOption + file;
	}

	/** Whether {@code argument} is this format's option for starting from a cache. */
	public boolean isUseOption(String argument) {
		return argument.startsWith(this.useOption);
	}

	public String description() {
		return this.description;
	}

}
