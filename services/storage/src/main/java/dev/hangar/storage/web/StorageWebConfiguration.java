package dev.hangar.storage.web;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.catalina.WebResourceSet;
import org.apache.catalina.webresources.StandardRoot;

import dev.hangar.service.HttpProperties;
import dev.hangar.service.web.BodyBuffering;
import dev.hangar.storage.StorageDriver;
import dev.hangar.storage.StorageProperties;

import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Tomcat's WebdavServlet on {@code /*}, serving the driver's resources. Chosen over
 * Milton and Jackrabbit's WebDAV library: it is already on the classpath, maintained with
 * Tomcat, passes the litmus suite, and reads and writes through Tomcat's resource API,
 * where a driver plugs in.
 */
@Configuration(proxyBeanMethods = false)
public class StorageWebConfiguration {

	private static final Set<String> XML_METHODS = Set.of("PROPPATCH", "PROPFIND", "LOCK");

	@Bean
	TomcatContextCustomizer storageResources(StorageDriver driver) {
		return (context) -> {
			StandardRoot root = new StandardRoot(context) {

				@Override
				protected WebResourceSet createMainResourceSet() {
					return driver.resources(this);
				}

			};
			// Files change behind Tomcat's back (other clients, other processes): do not
			// cache them.
			root.setCachingAllowed(false);
			context.setResources(root);
		};
	}

	@Bean
	ServletRegistrationBean<StorageWebdavServlet> webdavServlet(StorageProperties properties, StorageDriver driver) {
		ServletRegistrationBean<StorageWebdavServlet> registration = new ServletRegistrationBean<>(
				new StorageWebdavServlet(), "/*");
		registration.setName("webdav");
		Map<String, String> parameters = new HashMap<>(driver.propertyStoreParameters());
		parameters.put("listings", "true");
		parameters.put("readonly", String.valueOf(properties.readOnly()));
		parameters.put("allowSpecialPaths", "true");
		parameters.put("store.maxCount", String.valueOf(properties.deadProperties().maxCount()));
		parameters.put("store.maxValueSize", String.valueOf(properties.deadProperties().maxValueSize().toBytes()));
		registration.setInitParameters(parameters);
		registration.setLoadOnStartup(1);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ProtectedPathGuard> protectedPathGuard(StorageDriver driver) {
		FilterRegistrationBean<ProtectedPathGuard> registration = new FilterRegistrationBean<>(
				new ProtectedPathGuard(driver.reservedNames()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		return registration;
	}

	/**
	 * Bodies are received without holding a thread while they arrive: an upload into a
	 * file beside the space (it is then moved into place, not copied), the XML of
	 * PROPPATCH, PROPFIND and LOCK into memory, bounded (Tomcat would read a PROPPATCH
	 * body whole, however large).
	 */
	@Bean
	FilterRegistrationBean<BodyBuffering> storageBodyBuffering(HttpProperties http, StorageProperties properties,
			StorageDriver driver) {
		return BodyBuffering.registration(http.bodyTimeout(), http.bodyMemoryBudget().toBytes(),
				new BodyBuffering.Rule((request) -> "PUT".equals(request.getMethod()),
						() -> properties.maxUploadSize().toBytes(), "max-upload-size", driver::uploadDirectory),
				new BodyBuffering.Rule((request) -> XML_METHODS.contains(request.getMethod()),
						() -> properties.deadProperties().maxRequestSize().toBytes(),
						"dead-properties.max-request-size"));
	}

	@Bean
	FilterRegistrationBean<LockLimit> lockLimit(StorageProperties properties) {
		FilterRegistrationBean<LockLimit> registration = new FilterRegistrationBean<>(
				new LockLimit(properties.maxLocks(), Clock.systemUTC()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
		return registration;
	}

	@Bean
	FilterRegistrationBean<StorageWriteGuard> storageWriteGuard(StorageProperties properties, StorageDriver driver) {
		FilterRegistrationBean<StorageWriteGuard> registration = new FilterRegistrationBean<>(
				new StorageWriteGuard(properties, driver));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
