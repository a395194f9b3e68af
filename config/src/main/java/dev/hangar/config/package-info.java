/**
 * Hangar's configuration layers. For one scope (a service, or the runtime itself) they
 * are, lowest precedence first: built-in defaults, {@code hangar.yaml} (global keys, then
 * the scope's section), {@code <scope>.yaml}, {@code HANGAR_*} environment variables,
 * {@code <SCOPE>_*} environment variables, command-line arguments. Every value keeps its
 * origin (file and line, or variable name), so that errors and {@code runtime.jar config}
 * can say where it came from.
 */
@NullMarked
package dev.hangar.config;

import org.jspecify.annotations.NullMarked;
