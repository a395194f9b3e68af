/**
 * The command line of a service: {@code server}, {@code config}, {@code version}. The
 * same commands serve a service's own jar ({@code java -jar thumbnails.jar}) and the
 * runtime's {@code runtime.jar thumbnails ...}.
 */
@NullMarked
package dev.hangar.service.cli;

import org.jspecify.annotations.NullMarked;
