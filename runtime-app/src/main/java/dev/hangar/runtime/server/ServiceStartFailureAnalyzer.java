package dev.hangar.runtime.server;

import dev.hangar.service.cli.StartupFailures;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains a runtime that stopped because one of its services failed, naming the service,
 * rather than letting an analyzer describe the service's failure as if it were the
 * runtime's own (a port in use, say, would read as the runtime's port).
 */
class ServiceStartFailureAnalyzer extends AbstractFailureAnalyzer<ServiceStartException> implements Ordered {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ServiceStartException cause) {
		String summary = (cause.getCause() != null) ? StartupFailures.summary(cause.getCause()) : cause.getMessage();
		return new FailureAnalysis(
				"Service '" + cause.service() + "' failed to start: " + summary
						+ "\nThe runtime closed every service it had started and stops.",
				"See the lines tagged [" + cause.service() + "] above for the service's own analysis. Fix it, or run "
						+ "without it (HANGAR_EXCLUDE_RUN_SERVICES=" + cause.service() + ").",
				cause);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
