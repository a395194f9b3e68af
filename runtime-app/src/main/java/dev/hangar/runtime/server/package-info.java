/**
 * The runtime server: its own Spring context (management HTTP on 127.0.0.1:9250 by
 * default), which starts each selected service as a separate Spring context in the same
 * JVM, reports their health and metrics as one, and closes them all when it stops.
 */
@NullMarked
package dev.hangar.runtime.server;

import org.jspecify.annotations.NullMarked;
