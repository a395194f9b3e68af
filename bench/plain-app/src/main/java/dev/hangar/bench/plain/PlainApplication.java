package dev.hangar.bench.plain;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** One plain Spring Boot web app: what the benchmarks' targets are measured against. */
@SpringBootApplication
@RestController
public class PlainApplication {

	@GetMapping("/hello")
	String hello() {
		return "hello";
	}

	public static void main(String[] args) {
		SpringApplication.run(PlainApplication.class, args);
	}

}
