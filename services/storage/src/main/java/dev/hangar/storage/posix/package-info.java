/**
 * The posix driver: a storage space in a local directory. Uploads are written beside the
 * root in a hidden directory, forced to disk, then renamed over the target in one atomic
 * step.
 */
@NullMarked
package dev.hangar.storage.posix;

import org.jspecify.annotations.NullMarked;
