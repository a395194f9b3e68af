package dev.hangar.storage;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.apache.catalina.WebResourceRoot;
import org.jspecify.annotations.Nullable;
import org.apache.catalina.WebResourceSet;

/**
 * What holds a connector's files. The WebDAV layer (Tomcat's WebdavServlet) reads and
 * writes through the {@link WebResourceSet} a driver gives it, so a driver for object
 * storage plugs in here without touching the WebDAV layer or the runtime.
 */
public interface StorageDriver {

	/** The resources WebDAV serves, for the given Tomcat resource root. */
	WebResourceSet resources(WebResourceRoot root);

	/**
	 * The WebdavServlet init parameters that name this driver's dead-property store
	 * ({@code propertyStore}) and configure it ({@code store.*}).
	 */
	Map<String, String> propertyStoreParameters();

	/**
	 * Where an upload is kept while it arrives: a directory on the same file system as
	 * the space, so that the whole upload can be moved into place.
	 */
	Path uploadDirectory();

	/**
	 * Top-level names the driver keeps for itself in the space: no request may name them.
	 */
	Set<String> reservedNames();

	/** How many bytes the space holds now. */
	long usedBytes();

	/**
	 * How many bytes the resource at {@code path} (a path in the space, {@code /a/b})
	 * holds: a file's size, or with {@code recursive} the files of a folder and
	 * everything under it; 0 when nothing is there.
	 */
	long bytesAt(String path, boolean recursive);

	/** How many bytes the disk that holds the space can still take. */
	long usableBytes();

	/**
	 * Why the space cannot serve as configured (missing, not writable), or null when it
	 * can.
	 */
	@Nullable String problem();

}
