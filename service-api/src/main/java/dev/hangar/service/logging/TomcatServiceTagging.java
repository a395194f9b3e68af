package dev.hangar.service.logging;

import java.util.concurrent.Executor;

import org.apache.coyote.ProtocolHandler;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Tags what Tomcat's request threads log with the service's name when those threads are
 * virtual (Java 21+): virtual threads belong to no thread group of the service, and
 * Tomcat may log before any filter runs (a malformed request, say). Tomcat's executor is
 * wrapped so that each task runs with the service in the MDC. Platform threads need none
 * of this: they inherit the service's thread group. Ordered last, so that it sees the
 * executor Spring Boot set for virtual threads.
 */
public class TomcatServiceTagging implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

	private final String service;

	public TomcatServiceTagging(String service) {
		this.service = service;
	}

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addProtocolHandlerCustomizers(this::tag);
	}

	private void tag(ProtocolHandler handler) {
		Executor executor = handler.getExecutor();
		if (executor != null) {
			handler.setExecutor(new TaggingExecutor(executor, this.service));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	private record TaggingExecutor(Executor delegate, String service) implements Executor {

		@Override
		public void execute(Runnable task) {
			this.delegate.execute(() -> {
				try (ServiceLogContext.Tag tag = ServiceLogContext.tag(this.service)) {
					task.run();
				}
			});
		}

	}

}
