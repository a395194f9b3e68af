package dev.hangar.service.logging;

import java.nio.charset.Charset;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import org.jspecify.annotations.Nullable;

import dev.hangar.config.ConfigLayers;

import org.springframework.boot.logging.logback.StructuredLogEncoder;

/**
 * Writes log lines as Spring Boot's settings ask: one JSON object a line in the
 * structured format {@code logging.structured.format.console} (or {@code .file}) names
 * ({@code ecs}, {@code logstash}, {@code gelf}, or a formatter class), else the text
 * pattern. A structured line has the service it was written for, and in an instance's
 * process the instance, as the fields {@code hangar.service} and {@code hangar.instance}.
 * Boot makes that choice in its own default configuration; Hangar has one Logback
 * configuration for the whole JVM (one per JVM, tagging each line with its service),
 * where the choice has to be made when the encoder starts.
 */
public class ServiceLogEncoder extends EncoderBase<ILoggingEvent> {

	private @Nullable String structuredFormat;

	private @Nullable String pattern;

	private @Nullable Charset charset;

	private @Nullable Encoder<ILoggingEvent> delegate;

	private boolean tagging;

	private final @Nullable String instance = instance();

	/** The structured format; blank for text lines. */
	public void setStructuredFormat(@Nullable String structuredFormat) {
		this.structuredFormat = structuredFormat;
	}

	/** The text pattern, used without a structured format. */
	public void setPattern(@Nullable String pattern) {
		this.pattern = pattern;
	}

	public void setCharset(@Nullable Charset charset) {
		this.charset = charset;
	}

	@Override
	public void start() {
		Encoder<ILoggingEvent> encoder = (this.structuredFormat != null && !this.structuredFormat.isBlank())
				? structured(this.structuredFormat) : text();
		encoder.setContext(getContext());
		encoder.start();
		this.delegate = encoder;
		this.tagging = encoder instanceof StructuredLogEncoder;
		super.start();
	}

	@Override
	public void stop() {
		Encoder<ILoggingEvent> encoder = this.delegate;
		if (encoder != null) {
			encoder.stop();
		}
		super.stop();
	}

	@Override
	public byte[] headerBytes() {
		Encoder<ILoggingEvent> encoder = this.delegate;
		return (encoder != null) ? encoder.headerBytes() : new byte[0];
	}

	@Override
	public byte[] encode(ILoggingEvent event) {
		Encoder<ILoggingEvent> encoder = this.delegate;
		if (encoder == null) {
			return new byte[0];
		}
		return encoder.encode(this.tagging ? new TaggedLoggingEvent(event, this.instance) : event);
	}

	@Override
	public byte[] footerBytes() {
		Encoder<ILoggingEvent> encoder = this.delegate;
		return (encoder != null) ? encoder.footerBytes() : new byte[0];
	}

	private static @Nullable String instance() {
		String instance = System.getenv(ConfigLayers.INSTANCE_VARIABLE);
		return (instance != null && !instance.isBlank()) ? instance.strip() : null;
	}

	private Encoder<ILoggingEvent> structured(String format) {
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setFormat(format);
		if (this.charset != null) {
			encoder.setCharset(this.charset);
		}
		return encoder;
	}

	private Encoder<ILoggingEvent> text() {
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setPattern(this.pattern);
		if (this.charset != null) {
			encoder.setCharset(this.charset);
		}
		return encoder;
	}

}
