/**
 * The contract every Hangar service implements
 * ({@link dev.hangar.service.ServiceDefinition}), how services are found
 * ({@link dev.hangar.service.ServiceCatalog}), and the one code path that makes a
 * service's Spring application, alone in its own process or inside the runtime
 * ({@link dev.hangar.service.ServiceApplication}). What tunes the process or helps a
 * service with files is in {@code support}, shared web refusals and bounds in
 * {@code web}.
 */
@NullMarked
package dev.hangar.service;

import org.jspecify.annotations.NullMarked;
