/**
 * Supervision, apart from what is supervised: the life of one unit (an instance's
 * process; next, a runtime service's context) as a state machine that takes events and
 * answers the actions to take, with the restart policy in it and time from a clock. No
 * threads, no processes: whoever drives it runs the actions.
 */
@NullMarked
package dev.hangar.runtime.supervision;

import org.jspecify.annotations.NullMarked;
