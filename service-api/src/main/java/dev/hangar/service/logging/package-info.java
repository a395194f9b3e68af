/**
 * Tags every log line with the service that wrote it. One Logback serves the whole JVM,
 * so a service's {@code spring.application.name} cannot do it: the service name travels
 * in the MDC (start-up threads, request threads) and, for threads a service's Tomcat
 * creates, in the name of the thread group they inherit.
 */
@NullMarked
package dev.hangar.service.logging;

import org.jspecify.annotations.NullMarked;
