package dev.hangar.service.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.hangar.config.InvalidConfigurationException;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.origin.Origin;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Describes configuration that a service's properties refused, one line per problem, with
 * the key as the user writes it ({@code max-width}, not {@code .maxWidth}), the value,
 * where it was set and what is allowed.
 */
public final class ConfigurationFailures {

	private ConfigurationFailures() {
	}

	/**
	 * A description of the configuration failure in {@code failure}'s causes, if there is
	 * one.
	 */
	public static Optional<String> describe(Throwable failure) {
		for (Throwable ex = failure; ex != null; ex = ex.getCause()) {
			if (ex instanceof InvalidConfigurationException) {
				return Optional.ofNullable(ex.getMessage());
			}
			if (ex instanceof BindValidationException validation) {
				return Optional.of(describe(validation));
			}
			if (ex instanceof BindException bind && !(bind.getCause() instanceof BindValidationException)) {
				return Optional.of(describe(bind));
			}
		}
		return Optional.empty();
	}

	private static String describe(BindValidationException ex) {
		ConfigurationPropertyName prefix = ex.getValidationErrors().getName();
		List<String> problems = new ArrayList<>();
		for (ObjectError error : ex.getValidationErrors().getAllErrors()) {
			if (error instanceof FieldError field) {
				String key = join(prefix, DataObjectPropertyName.toDashedForm(field.getField()));
				ConfigurationProperty property = find(ex, key);
				if (property != null) {
					problems.add(key + " = \"" + property.getValue() + "\" (" + origin(property.getOrigin()) + "): "
							+ error.getDefaultMessage());
					continue;
				}
			}
			problems.add(error.getDefaultMessage());
		}
		return "Invalid configuration:\n  - " + String.join("\n  - ", problems);
	}

	private static String describe(BindException ex) {
		ConfigurationProperty property = ex.getProperty();
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		String target = ex.getTarget().getType().resolve(Object.class).getSimpleName();
		if (property == null) {
			return "Invalid configuration under '" + ex.getName() + "': " + cause.getMessage();
		}
		return "Invalid configuration:\n  - " + property.getName() + " = \"" + property.getValue() + "\" ("
				+ origin(property.getOrigin()) + "): not a valid " + target + " (" + cause.getMessage() + ")";
	}

	private static @Nullable ConfigurationProperty find(BindValidationException ex, String key) {
		for (ConfigurationProperty property : ex.getValidationErrors().getBoundProperties()) {
			if (property.getName().toString().equals(key)) {
				return property;
			}
		}
		return null;
	}

	private static String join(ConfigurationPropertyName prefix, String key) {
		return prefix.isEmpty() ? key : prefix + "." + key;
	}

	private static String origin(@Nullable Origin origin) {
		return (origin != null) ? "from " + origin : "origin unknown";
	}

}
