package dev.hangar.thumbnails;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ImageMagick and exiftool, from Debian's packages ({@code imagemagick},
 * {@code libimage-exiftool-perl}), which make the test photos the way real tools make
 * them.
 */
final class ImageTools {

	private final Path convert;

	private final Path exiftool;

	private ImageTools(Path convert, Path exiftool) {
		this.convert = convert;
		this.exiftool = exiftool;
	}

	/** Both tools, if this machine has them. */
	static Optional<ImageTools> find() {
		Optional<Path> convert = List.of("/usr/bin/convert-im6.q16", "/usr/bin/convert", "/usr/bin/magick")
			.stream()
			.map(Path::of)
			.filter(ImageTools::isImageMagick)
			.findFirst();
		Path exiftool = Path.of("/usr/bin/exiftool");
		return (convert.isPresent() && Files.isExecutable(exiftool))
				? Optional.of(new ImageTools(convert.get(), exiftool)) : Optional.empty();
	}

	/** {@code convert <arguments>}, whose last argument is the file it writes. */
	Path convert(String... arguments) {
		List<String> command = new ArrayList<>(List.of(this.convert.toString()));
		command.addAll(List.of(arguments));
		run(command);
		return Path.of(arguments[arguments.length - 1]);
	}

	/** Sets the EXIF orientation tag of {@code jpeg} to {@code value}. */
	void orient(Path jpeg, int value) {
		run(List.of(this.exiftool.toString(), "-q", "-n", "-overwrite_original", "-Orientation=" + value,
				jpeg.toString()));
	}

	private static boolean isImageMagick(Path candidate) {
		if (!Files.isExecutable(candidate)) {
			return false;
		}
		try {
			Process process = new ProcessBuilder(candidate.toString(), "-version").redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			return process.waitFor(30, TimeUnit.SECONDS) && output.contains("ImageMagick");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(command + " finished").isTrue();
			assertThat(process.exitValue()).as(command + ": " + output).isZero();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run " + command, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted running " + command, ex);
		}
	}

}
