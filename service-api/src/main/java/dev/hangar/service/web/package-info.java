/**
 * Web helpers every service shares: bounded request bodies, and refusals answered as RFC
 * 9457 problem details with a 4xx status and a message that says what to fix.
 */
@NullMarked
package dev.hangar.service.web;

import org.jspecify.annotations.NullMarked;
