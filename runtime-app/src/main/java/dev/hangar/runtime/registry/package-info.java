/**
 * The runtime's registry of service endpoints on this host: the services' contexts and
 * the ready instances, fed by the runtime and the instance supervisor as their states
 * change.
 */
@NullMarked
package dev.hangar.runtime.registry;

import org.jspecify.annotations.NullMarked;
