package dev.hangar.storage.web;

import java.util.Map;

import org.apache.catalina.WebResourceSet;
import org.apache.catalina.servlets.WebdavServlet;
import org.apache.catalina.webresources.StandardRoot;

import dev.hangar.storage.StorageDriver;
import dev.hangar.storage.StorageProperties;

import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Tomcat's WebdavServlet on {@code /*}, serving the driver's resources. Chosen over Milton and
 * Jackrabbit's WebDAV library: it is already on the classpath, maintained with Tomcat, passes the
 * litmus suite, and reads and writes through Tomcat's resource API, where a driver plugs in.
 */
@Configuration(proxyBeanMethods = false)
public class StorageWebConfiguration {

	@Bean
	TomcatContextCustomizer storageResources(StorageDriver driver) {
		return (context) -> {
			StandardRoot root = new StandardRoot(context) {

				@Override
				protected WebResourceSet createMainResourceSet() {
					return driver.resources(this);
				}

			};
			// Files change behind Tomcat's back (other clients, other processes): do not cache them.
			root.setCachingAllowed(false);
			context.setResources(root);
		};
	}

	@Bean
	ServletRegistrationBean<WebdavServlet> webdavServlet(StorageProperties properties) {
		ServletRegistrationBean<WebdavServlet> registration = new ServletRegistrationBean<>(new WebdavServlet(), "/*");
		registration.setName("webdav");
		registration.setInitParameters(Map.of("listings", "true", "readonly", String.valueOf(properties.readOnly()),
				"allowSpecialPaths", "true"));
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

	@Bean
	FilterRegistrationBean<StorageWriteGuard> storageWriteGuard(StorageProperties properties, StorageDriver driver) {
		FilterRegistrationBean<StorageWriteGuard> registration = new FilterRegistrationBean<>(
				new StorageWriteGuard(properties, driver));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
