package dev.hangar.storage;

import java.util.Set;

import org.apache.catalina.WebResourceRoot;
import org.jspecify.annotations.Nullable;
import org.apache.catalina.WebResourceSet;

/**
 * What holds a connector's files. The WebDAV layer (Tomcat's WebdavServlet) reads and writes
 * through the {@link WebResourceSet} a driver gives it, so a driver for object storage plugs in
 * here without touching the WebDAV layer or the runtime.
 */
public interface StorageDriver {

	/** The resources WebDAV serves, for the given Tomcat resource root. */
	WebResourceSet resources(WebResourceRoot root);

	/** Top-level names the driver keeps for itself in the space: no request may name them. */
	Set<String> reservedNames();

	/** How many bytes the space holds now. */
	long usedBytes();

	/** Why the space cannot serve as configured (missing, not writable), or null when it can. */
	@Nullable String problem();

}
