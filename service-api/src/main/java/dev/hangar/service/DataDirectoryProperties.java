package dev.hangar.service;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where services keep their data: {@code data-dir} ({@code HANGAR_DATA_DIR}), default
 * {@code ~/.hangar/data}. Each service uses its own subdirectory, named after it.
 *
 * @param dataDir the data directory; it need not exist yet
 */
@ConfigurationProperties
@Validated
public record DataDirectoryProperties(@NotNull Path dataDir) {

}
