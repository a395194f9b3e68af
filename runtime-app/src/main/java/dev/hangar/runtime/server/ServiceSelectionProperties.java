package dev.hangar.runtime.server;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which services the runtime runs, comma-separated lists as in oCIS.
 *
 * @param runServices exactly these ({@code HANGAR_RUN_SERVICES}); when set, the other two
 * are ignored
 * @param addRunServices services run besides the default ones
 * ({@code HANGAR_ADD_RUN_SERVICES})
 * @param excludeRunServices default services not run
 * ({@code HANGAR_EXCLUDE_RUN_SERVICES})
 */
@ConfigurationProperties
public record ServiceSelectionProperties(@DefaultValue List<String> runServices,
		@DefaultValue List<String> addRunServices, @DefaultValue List<String> excludeRunServices) {
}
