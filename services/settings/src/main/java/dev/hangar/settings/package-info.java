/**
 * The settings service: a per-user store of JSON values, kept in an embedded H2 database
 * under the data dir, or in any database a JDBC URL names (PostgreSQL). Runs only once,
 * in the runtime or alone; it is not instantiable.
 */
@NullMarked
package dev.hangar.settings;

import org.jspecify.annotations.NullMarked;
