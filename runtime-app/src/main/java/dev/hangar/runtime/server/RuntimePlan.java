package dev.hangar.runtime.server;

import java.util.List;

import dev.hangar.config.ConfigLayers;
import dev.hangar.config.KnownKeys;
import dev.hangar.service.ServiceCatalog;
import dev.hangar.service.ServiceDefinition;
import dev.hangar.service.SharedClassMetadata;

/**
 * What the runtime server was asked to run, decided before its context starts.
 *
 * @param catalog every service on the classpath or configured
 * @param selected the services to run
 * @param layers the configuration layers every service reads
 * @param knownKeys the keys declared on the classpath
 * @param classMetadata class metadata the runtime's contexts read once for all
 */
record RuntimePlan(ServiceCatalog catalog, List<ServiceDefinition> selected, ConfigLayers layers, KnownKeys knownKeys,
		SharedClassMetadata classMetadata) {
}
