package dev.hangar.storage.web;

import java.io.IOException;

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
 * Refuses an upload before a byte of it is stored when its declared length is over
 * {@code max-upload-size} (413) or would take the space past its quota (507), and answers 507 for
 * an upload of undeclared length that the driver stopped at the quota.
 */
public class StorageWriteGuard extends OncePerRequestFilter {

	private final StorageProperties properties;

	private final StorageDriver driver;

	public StorageWriteGuard(StorageProperties properties, StorageDriver driver) {
		this.properties = properties;
		this.driver = driver;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if ("PUT".equals(request.getMethod()) && !this.properties.readOnly()) {
			long length = request.getContentLengthLong();
			long maxUpload = this.properties.maxUploadSize().toBytes();
			if (length > maxUpload) {
				refuse(response, HttpStatus.CONTENT_TOO_LARGE, "The upload is " + length + " bytes; the limit is "
						+ maxUpload + " bytes (max-upload-size).");
				return;
			}
			if (this.properties.quota() != null && length > 0) {
				long free = this.properties.quota().toBytes() - this.driver.usedBytes();
				if (length > free) {
					refuse(response, HttpStatus.INSUFFICIENT_STORAGE, "The upload is " + length + " bytes; "
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
				refuse(response, HttpStatus.INSUFFICIENT_STORAGE, ex.getMessage());
			}
		}
	}

	private static void refuse(HttpServletResponse response, HttpStatus status, String message) throws IOException {
		response.setStatus(status.value());
		response.setContentType("text/plain;charset=UTF-8");
		response.getWriter().write(message + "\n");
	}

}
