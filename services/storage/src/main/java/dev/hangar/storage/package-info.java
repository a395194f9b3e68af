/**
 * Storage connectors: a storage space served over WebDAV (RFC 4918), one code run under
 * several names ({@code storage-users}, {@code storage-system}, and any
 * {@code storage-<name>} that the configuration adds), each with its own root, quota and
 * mode. Writes are atomic: an upload that is cut off never replaces a file with a partial
 * one.
 */
@NullMarked
package dev.hangar.storage;

import org.jspecify.annotations.NullMarked;
