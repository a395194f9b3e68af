package dev.hangar.service;

/**
 * Which service a Spring context runs, registered as a bean in every service context.
 *
 * @param name the service's name
 * @param instancing how it may be instantiated
 * @param mode alone or inside the runtime
 */
public record ServiceIdentity(String name, Instancing instancing, ServiceMode mode) {
}
