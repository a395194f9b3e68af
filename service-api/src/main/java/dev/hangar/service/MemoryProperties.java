package dev.hangar.service;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a Hangar process treats its memory: {@code memory.*} ({@code HANGAR_MEMORY_*}).
 *
 * @param compactAfterStart whether the process runs one full garbage collection once it has
 * started, before it reports ready, so that its heap shrinks to what it keeps rather than what
 * starting it produced. Inside the runtime the runtime does it once, after all its services
 */
@ConfigurationProperties("memory")
@Validated
public record MemoryProperties(@DefaultValue("true") boolean compactAfterStart) {

}
