/**
 * Where a service answers: its endpoints, as a registry keeps them and a proxy routes to
 * them.
 */
@NullMarked
package dev.hangar.service.registry;

import org.jspecify.annotations.NullMarked;
