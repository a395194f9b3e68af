/**
 * The commands of {@code runtime.jar}: {@code server}, {@code list}, {@code health},
 * {@code config}, {@code version}, and one command per service
 * ({@code thumbnails server}).
 */
@NullMarked
package dev.hangar.runtime.cli;

import org.jspecify.annotations.NullMarked;
