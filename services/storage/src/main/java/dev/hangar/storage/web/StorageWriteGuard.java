package dev.hangar.storage.web;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.hangar.storage.StorageDriver;
import dev.hangar.storage.StorageProperties;
import dev.hangar.service.web.RequestRefusedException;

import org.springframework.http.HttpStatus;

/**
 * Refuses every write to a read-only space (403), an upload whose declared length is over
 * {@code max-upload-size} (413), and a write that would not fit (507: past the quota, or
 * more than the disk has free) before a byte of it is stored. A COPY or MOVE onto an
 * existing resource is checked too: Tomcat deletes the destination first, so a copy that
 * then failed for want of space would lose it. A write of undeclared length that the
 * driver stops part-way is answered 507 as well.
 */
public class StorageWriteGuard extends SpaceRequestFilter {

	/** The methods that change a storage space. */
	private static final Set<String> WRITES = Set.of("PUT", "DELETE", "MKCOL", "COPY", "MOVE", "PROPPATCH", "LOCK",
			"UNLOCK", "POST", "PATCH");

	private final StorageProperties properties;

	private final StorageDriver driver;

	public StorageWriteGuard(StorageProperties properties, StorageDriver driver) {
		this.properties = properties;
		this.driver = driver;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String method = request.getMethod();
		if (this.properties.readOnly() && WRITES.contains(method)) {
			StorageResponses.refuse(request, response, HttpStatus.FORBIDDEN,
					"This storage space is read-only (read-only); " + method + " is refused.");
			return;
		}
		Optional<String> target = pathInSpace(request);
		// Checked before a body is received; the dispatch that follows its receipt only
		// maps refusals.
		boolean checked = isAsyncDispatch(request);
		if (!checked && method.equals("PUT") && target.isPresent() && !checkUpload(request, response, target.get())) {
			return;
		}
		if (!checked && (method.equals("COPY") || method.equals("MOVE")) && target.isPresent()
				&& !checkCopy(request, response, target.get())) {
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (RequestRefusedException ex) {
			if (!response.isCommitted()) {
				StorageResponses.refuse(request, response, ex.status(), ex.getMessage());
			}
		}
	}

	private boolean checkUpload(HttpServletRequest request, HttpServletResponse response, String target)
			throws IOException {
		long length = request.getContentLengthLong();
		long maxUpload = this.properties.maxUploadSize().toBytes();
		if (length > maxUpload) {
			StorageResponses.refuse(request, response, HttpStatus.CONTENT_TOO_LARGE,
					"The upload is " + length + " bytes; the limit is " + maxUpload + " bytes (max-upload-size).");
			return false;
		}
		return length <= 0 || fits(request, response, "The upload", length, this.driver.bytesAt(target, false));
	}

	private boolean checkCopy(HttpServletRequest request, HttpServletResponse response, String source)
			throws IOException {
		String header = request.getHeader("Destination");
		Optional<String> destination = (header != null) ? SpacePath.ofDestination(header) : Optional.empty();
		if (destination.isEmpty()) {
			return true;
		}
		boolean recursive = !"0".equals(request.getHeader("Depth"));
		long needed = this.driver.bytesAt(source, recursive);
		boolean overwrite = !"F".equalsIgnoreCase(request.getHeader("Overwrite"));
		long replaced = overwrite ? this.driver.bytesAt(destination.get(), true) : 0;
		// A MOVE is a copy followed by a delete of the source: it needs the room of a
		// copy meanwhile.
		return fits(request, response, "The " + request.getMethod() + " of " + source, needed, replaced);
	}

	/**
	 * Whether {@code needed} bytes fit once {@code replaced} bytes are freed; answers 507
	 * if not.
	 */
	private boolean fits(HttpServletRequest request, HttpServletResponse response, String what, long needed,
			long replaced) throws IOException {
		if (this.properties.quota() != null) {
			long free = this.properties.quota().toBytes() - this.driver.usedBytes() + replaced;
			if (needed > free) {
				StorageResponses.refuse(request, response, HttpStatus.INSUFFICIENT_STORAGE,
						what + " needs " + needed + " bytes; " + Math.max(0, free)
								+ " bytes are free under the quota of " + this.properties.quota()
								+ " (quota). Nothing was changed.");
				return false;
			}
		}
		long usable = this.driver.usableBytes() + replaced;
		if (needed > usable) {
			StorageResponses.refuse(request, response, HttpStatus.INSUFFICIENT_STORAGE,
					what + " needs " + needed + " bytes; " + "the disk holding the space has " + Math.max(0, usable)
							+ " bytes free. Nothing was changed.");
			return false;
		}
		return true;
	}

}
