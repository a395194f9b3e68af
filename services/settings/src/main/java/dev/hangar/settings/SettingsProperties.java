package dev.hangar.settings;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the settings service ({@code max-value-size} in {@code settings.yaml},
 * {@code SETTINGS_MAX_VALUE_SIZE}). The database is Spring Boot's
 * {@code spring.datasource.*}.
 *
 * @param maxValueSize the largest JSON value one setting may hold
 * @param maxSettingsPerUser how many settings one user may have
 */
@ConfigurationProperties
@Validated
public record SettingsProperties(@DefaultValue("64KB") @NotNull DataSize maxValueSize,
		@DefaultValue("1000") @Min(1) @Max(1_000_000) int maxSettingsPerUser) {

	@AssertTrue(message = "max-value-size must be between 1 byte and 16MB")
	boolean isMaxValueSizeInRange() {
		return this.maxValueSize == null
				|| (this.maxValueSize.toBytes() >= 1 && this.maxValueSize.compareTo(DataSize.ofMegabytes(16)) <= 0);
	}

}
