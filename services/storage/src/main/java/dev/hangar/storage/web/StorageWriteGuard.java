package dev.hangar.storage.web;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.hangar.storage.QuotaExceededException;
import dev.hangar.storage.StorageDriver;
import dev.hangar.storage.StorageProperties;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses every write to a read-only space (403), an upload whose declared length is over
 * {@code max-upload-size} (413) or would take the space past its quota (507) before a byte of it
 * is stored, and answers 507 for an upload of undeclared length that the driver stopped at the
 * quota.
 */
public class StorageWriteGuard extends OncePerRequestFilter {

	private final StorageProperties properties;

	private final StorageDriver driver;

	public StorageWriteGuard(StorageProperties properties, StorageDriver driver) {
		this.properties = properties;
		this.driver = driver;
	}

	/** The methods that change a storage space. */
	private static final Set<String> WRITES = Set.of("PUT", "DELETE", "MKCOL", "COPY", "MOVE", "PROPPATCH", "LOCK",
			"UNLOCK", "POST", "PATCH");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.properties.readOnly() && WRITES.contains(request.getMethod())) {
			StorageResponses.refuse(response, HttpStatus.FORBIDDEN, "This storage space is read-only (read-only); "
					+ request.getMethod() + " is refused.");
			return;
		}
		if ("PUT".equals(request.getMethod())) {
			long length = request.getContentLengthLong();
			long maxUpload = this.properties.maxUploadSize().toBytes();
			if (length > maxUpload) {
				StorageResponses.refuse(response, HttpStatus.CONTENT_TOO_LARGE, "The upload is " + length + " bytes; the limit is "
						+ maxUpload + " bytes (max-upload-size).");
				return;
			}
			if (this.properties.quota() != null && length > 0) {
				long free = this.properties.quota().toBytes() - this.driver.usedBytes();
				if (length > free) {
					StorageResponses.refuse(response, HttpStatus.INSUFFICIENT_STORAGE, "The upload is " + length + " bytes; "
							+ Math.max(0, free) + " bytes are free under the quota of " + this.properties.quota() + ".");
					return;
				}
			}
		}
		try {
			chain.doFilter(request, response);
		}
		catch (QuotaExceededException ex) {
			if (!response.isCommitted()) {
				StorageResponses.refuse(response, HttpStatus.INSUFFICIENT_STORAGE, ex.getMessage());
			}
		}
	}

}
