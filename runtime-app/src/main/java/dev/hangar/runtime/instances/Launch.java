package dev.hangar.runtime.instances;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How to start one instance's process, and how to tell that it is ready.
 *
 * @param command the program and its arguments
 * @param environment further environment variables
 * @param workingDir where it runs
 * @param readiness how readiness is known
 */
record Launch(List<String> command, Map<String, String> environment, Path workingDir, Readiness readiness) {

	/** How an instance tells that it is ready. */
	sealed interface Readiness {

		/** Ready once started: the template gives no signal. */
		record OnStart() implements Readiness {
		}

		/** Ready when a GET of this URL answers 200 (a service's readiness group). */
		record Probe(String url) implements Readiness {
		}

		/**
		 * Ready when the instance's output has a line matching this regular expression.
		 */
		record Line(String pattern) implements Readiness {
		}

		/** Ready once this file exists. */
		record File(Path path) implements Readiness {
		}

		static Readiness of(@Nullable String line, @Nullable Path file) {
			if (line != null) {
				return new Line(line);
			}
			if (file != null) {
				return new File(file);
			}
			return new OnStart();
		}

	}

}
