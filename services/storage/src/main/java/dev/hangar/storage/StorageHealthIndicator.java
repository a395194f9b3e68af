package dev.hangar.storage;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * DOWN when the space cannot serve as configured: its root is missing, or not writable
 * for a writable connector.
 */
@Component("storage")
class StorageHealthIndicator extends AbstractHealthIndicator {

	private final StorageDriver driver;

	private final StorageProperties properties;

	StorageHealthIndicator(StorageDriver driver, StorageProperties properties) {
		this.driver = driver;
		this.properties = properties;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		String problem = this.driver.problem();
		builder.withDetail("root", this.properties.root().toString())
			.withDetail("readOnly", this.properties.readOnly());
		if (this.properties.quota() != null) {
			builder.withDetail("quotaBytes", this.properties.quota().toBytes());
		}
		if (problem != null) {
			builder.down().withDetail("problem", problem);
		}
		else {
			builder.up().withDetail("usedBytes", this.driver.usedBytes());
		}
	}

}
