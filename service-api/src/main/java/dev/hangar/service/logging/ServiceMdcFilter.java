package dev.hangar.service.logging;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/** Tags the log lines of every request a service handles with the service's name. */
public class ServiceMdcFilter extends OncePerRequestFilter {

	private final String service;

	public ServiceMdcFilter(String service) {
		this.service = service;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String previous = MDC.get(ServiceLogContext.MDC_KEY);
		MDC.put(ServiceLogContext.MDC_KEY, this.service);
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (previous != null) {
				MDC.put(ServiceLogContext.MDC_KEY, previous);
			}
			else {
				MDC.remove(ServiceLogContext.MDC_KEY);
			}
		}
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

}
