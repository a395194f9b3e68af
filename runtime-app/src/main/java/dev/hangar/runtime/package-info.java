/**
 * The runtime: {@code runtime.jar}'s entry point, and the commands that start every
 * service in one JVM or ask a running runtime what it runs.
 */
@NullMarked
package dev.hangar.runtime;

import org.jspecify.annotations.NullMarked;
