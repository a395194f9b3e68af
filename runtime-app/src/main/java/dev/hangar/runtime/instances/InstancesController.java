package dev.hangar.runtime.instances;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.hangar.service.web.RequestRefusedException;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The instances API on the runtime's management port, which {@code runtime.jar instance}
 * uses. Every state-changing call needs the runtime's secret (see
 * ManagementCredentialFilter).
 */
@RestController
@RequestMapping("/api/instances")
public class InstancesController {

	private final InstanceSupervisor supervisor;

	private final InstanceProperties properties;

	public InstancesController(InstanceSupervisor supervisor, InstanceProperties properties) {
		this.supervisor = supervisor;
		this.properties = properties;
	}

	@GetMapping
	List<InstanceStatus> list(@RequestParam(required = false) @Nullable String template) {
		return this.supervisor.list(template);
	}

	@GetMapping("/{template}/{name}")
	InstanceStatus status(@PathVariable String template, @PathVariable String name) {
		return this.supervisor.status(template, new InstanceName(name));
	}

	@PostMapping("/{template}/{name}")
	ResponseEntity<InstanceStatus> create(@PathVariable String template, @PathVariable String name,
			@RequestParam(defaultValue = "false") boolean down, @RequestParam(defaultValue = "false") boolean waitReady,
			@RequestParam(required = false) @Nullable String timeout) {
		InstanceName instance = new InstanceName(name);
		Duration wait = (timeout != null) ? duration("timeout", timeout) : this.properties.readyTimeout();
		InstanceStatus status = this.supervisor.create(template, instance, down);
		if (waitReady && !down) {
			status = this.supervisor.awaitReady(template, instance, wait);
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(status);
	}

	/**
	 * A duration as the configuration writes it ({@code 30s}, {@code 2m}) or ISO-8601
	 * ({@code PT30S}).
	 */
	private static Duration duration(String parameter, String value) {
		try {
			return DurationStyle.detectAndParse(value);
		}
		catch (IllegalArgumentException ex) {
			throw new RequestRefusedException(HttpStatus.BAD_REQUEST,
					"Parameter " + parameter + "=" + value + " is not a duration: write it as 30s, 2m or PT30S.");
		}
	}

	@PostMapping("/{template}/{name}/{action}")
	InstanceStatus control(@PathVariable String template, @PathVariable String name, @PathVariable String action) {
		return this.supervisor.control(template, new InstanceName(name), action);
	}

	/**
	 * The last {@code lines} lines, or with {@code from} what was written since that byte
	 * offset; the {@code X-Log-Offset} header says where to ask from next.
	 */
	@GetMapping(path = "/{template}/{name}/logs", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> logs(@PathVariable String template, @PathVariable String name,
			@RequestParam(defaultValue = "100") int lines, @RequestParam(required = false) @Nullable Long from) {
		InstanceLog log = this.supervisor.log(template, new InstanceName(name));
		InstanceLogs.LogChunk chunk = (from != null) ? log.from(Math.max(0, from))
				: log.tail(Math.max(1, Math.min(lines, 100_000)));
		return ResponseEntity.ok().header("X-Log-Offset", String.valueOf(chunk.next())).body(chunk.text());
	}

	@DeleteMapping("/{template}/{name}")
	ResponseEntity<Void> delete(@PathVariable String template, @PathVariable String name) {
		this.supervisor.delete(template, new InstanceName(name));
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(RequestRefusedException ex) {
		return problem(ex.status(), ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(InstanceName.InvalidInstanceNameException ex) {
		return problem(HttpStatus.BAD_REQUEST, String.valueOf(ex.getMessage()));
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String message) {
		return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, message));
	}

}
