/**
 * What the runtime needs to run processes of its own beside it, instances and training
 * runs alike: free ports on the loopback interface and HTTP readiness probes.
 */
@NullMarked
package dev.hangar.runtime.process;

import org.jspecify.annotations.NullMarked;
