/**
 * Dynamic instances, after s6's: an instantiable service is a template, an instance a
 * separate, supervised process of it whose name is all that changes. The runtime is the
 * supervisor: it keeps each instance's wanted state on disk, restarts it with a bounded
 * exponential backoff, marks it FAILED after repeated quick failures, and on start adopts
 * instances a killed runtime left running.
 */
@NullMarked
package dev.hangar.runtime.instances;

import org.jspecify.annotations.NullMarked;
