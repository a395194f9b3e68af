/**
 * Startup caches: the JDK's class-data cache (an AppCDS archive on JDK 17 to 24, an AOT
 * cache on JDK 25 and later) recorded by a training run of runtime.jar, so that later
 * JVMs of the same jar and JDK start faster. Both need the jar extracted (classes on the
 * plain class path), so a cache lives beside the extracted layout it was recorded with,
 * keyed by the jar's digest and the JDK. The runtime prepares one per service for its
 * instances; {@code cache prepare} prepares one for the runtime itself, which the
 * launcher under {@code deploy/} starts from.
 */
@NullMarked
package dev.hangar.runtime.startup;

import org.jspecify.annotations.NullMarked;
