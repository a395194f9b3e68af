package dev.hangar.runtime.instances;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hangar.service.test.SmallDisk;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instances' logs are kept within their bound while the instance writes to them, losing
 * nothing, and offsets handed to readers stay valid across rotations.
 */
class InstanceLogsTest {

	private static final int BOUND = 64 * 1024;

	@TempDir
	Path home;

	@Test
	void aLogRotatedWhileItsProcessAppendsLosesNoByte() throws Exception {
		Path log = this.home.resolve("t/a/output.log");
		Files.createDirectories(log.getParent());
		assumeCollapseSupported(log.getParent());
		int lines = 200_000;
		AtomicBoolean done = new AtomicBoolean();
		CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
			appendLines(log, 0, lines);
			done.set(true);
		});
		LogRotation rotation = new LogRotation();
		ByteArrayOutputStream movedOut = new ByteArrayOutputStream();
		int rotations = 0;
		while (!done.get()) {
			if (Files.exists(log) && rotation.rotate(log, BOUND / 2) > 0) {
				movedOut.write(Files.readAllBytes(LogRotation.older(log)));
				rotations++;
			}
		}
		writer.join();
		movedOut.write(Files.readAllBytes(log));
		assertThat(rotations).as("rotations while the writer ran").isGreaterThan(5);
		assertThat(movedOut.toString(StandardCharsets.UTF_8)).isEqualTo(expectedLines(0, lines));
		assertThat(Files.size(log)).isLessThan(lines * 12L / 5);
	}

	@Test
	void anOffsetHandedOutBeforeARotationStillReadsWhatCameNext() throws Exception {
		Path log = this.home.resolve("t/a/output.log");
		Files.createDirectories(log.getParent());
		assumeCollapseSupported(log.getParent());
		try (InstanceLogs logs = new InstanceLogs(this.home, BOUND)) {
			appendLines(log, 0, 10_000);
			long offset = logs.end(log);
			appendLines(log, 10_000, 10);
			logs.bound(log);
			assertThat(Files.size(log)).isLessThan(BOUND / 2);
			InstanceLogs.LogChunk next = logs.chunk(log, offset);
			assertThat(next.text()).isEqualTo(expectedLines(10_000, 10));
			assertThat(logs.linesFrom(log, offset)).first().isEqualTo("line 0010000");
			appendLines(log, 10_010, 1);
			assertThat(logs.chunk(log, next.next()).text()).isEqualTo(expectedLines(10_010, 1));
		}
	}

	@Test
	void anOffsetOfBytesMovedOutReadsFromTheLogsStart() throws Exception {
		Path log = this.home.resolve("t/a/output.log");
		Files.createDirectories(log.getParent());
		try (InstanceLogs logs = new InstanceLogs(this.home, BOUND)) {
			appendLines(log, 0, 10_000);
			logs.bound(log);
			String kept = Files.readString(log);
			assertThat(logs.chunk(log, 0).text()).isEqualTo(kept);
			assertThat(logs.chunk(log, Long.MAX_VALUE).text()).isEqualTo(kept);
			assertThat(logs.tail(log, 2).text()).isEqualTo(expectedLines(9_998, 2));
			assertThat(logs.tail(log, 2).next()).isEqualTo(logs.end(log));
		}
	}

	@Test
	void onAFileSystemThatCannotCutAFilesFrontTheLogIsCopiedAsideAndEmptied() throws Exception {
		try (SmallDisk disk = SmallDisk.mount(this.home.resolve("tmpfs"), 8)) {
			Path log = disk.path().resolve("t/a/output.log");
			Files.createDirectories(log.getParent());
			appendLines(log, 0, 10_000);
			long size = Files.size(log);
			assertThat(new LogRotation().rotate(log, BOUND / 2)).isEqualTo(size);
			assertThat(Files.size(log)).isZero();
			assertThat(Files.readString(LogRotation.older(log))).isEqualTo(expectedLines(0, 10_000));
		}
	}

	@Test
	void aLogWithinItsBoundIsLeftAlone() throws Exception {
		Path log = this.home.resolve("output.log");
		appendLines(log, 0, 10);
		assertThat(new LogRotation().rotate(log, BOUND / 2)).isZero();
		assertThat(Files.readString(log)).isEqualTo(expectedLines(0, 10));
		assertThat(LogRotation.older(log)).doesNotExist();
	}

	/** Appends numbered lines one write each, as a process's unbuffered output does. */
	private static void appendLines(Path log, int first, int count) {
		try (OutputStream out = Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
			for (int i = first; i < first + count; i++) {
				out.write(line(i).getBytes(StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String expectedLines(int first, int count) {
		return IntStream.range(first, first + count).mapToObj(InstanceLogsTest::line).collect(Collectors.joining());
	}

	private static String line(int i) {
		return String.format("line %07d%n", i);
	}

	private static void assumeCollapseSupported(Path directory) throws Exception {
		Path probe = directory.resolve("collapse-probe");
		Files.write(probe, new byte[3 * 64 * 1024]);
		Process fallocate = new ProcessBuilder("fallocate", "--collapse-range", "--offset", "0", "--length",
				String.valueOf(Files.getFileStore(probe).getBlockSize()), probe.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(fallocate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		Assumptions.assumeTrue(fallocate.waitFor() == 0,
				() -> "This file system cannot collapse a range, so lossless rotation is not tested: " + output);
		Files.delete(probe);
	}

}
