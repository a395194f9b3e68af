package dev.hangar.service.support;

import java.lang.reflect.Method;
import java.util.Map;

/**
 * Describes the thread serving the current request, so that one can see whether requests
 * run on virtual threads (Java 21+). {@code Thread.isVirtual()} is called reflectively:
 * the code is compiled for Java 17, where it does not exist.
 */
public final class RequestThreads {

	private RequestThreads() {
	}

	public static Map<String, Object> describeCurrent() {
		Thread thread = Thread.currentThread();
		return Map.of("name", thread.getName(), "virtual", isVirtual(thread), "java",
				System.getProperty("java.specification.version"));
	}

	static boolean isVirtual(Thread thread) {
		try {
			Method isVirtual = Thread.class.getMethod("isVirtual");
			return (boolean) isVirtual.invoke(thread);
		}
		catch (ReflectiveOperationException ex) {
			return false;
		}
	}

}
