/**
 * The thumbnails service: scales an image (PNG, JPEG, GIF, BMP, WebP) to a thumbnail of a
 * requested size and format. Instantiable: the runtime can run further instances of it as
 * separate processes.
 */
@NullMarked
package dev.hangar.thumbnails;

import org.jspecify.annotations.NullMarked;
