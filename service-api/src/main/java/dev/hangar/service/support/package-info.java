/**
 * What services share besides their contract: whole-or-nothing file writes, and the
 * tuning of a process that runs one service or many.
 */
@NullMarked
package dev.hangar.service.support;

import org.jspecify.annotations.NullMarked;
