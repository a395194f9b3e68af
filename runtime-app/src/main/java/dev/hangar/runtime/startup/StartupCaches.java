package dev.hangar.runtime.startup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The startup caches of one runtime.jar on one JDK, under a root directory
 * ({@code <data-dir>/startup-cache}): <pre>
 * &lt;digest of the jars&gt;/app/          the extracted layout (when runtime.jar is a Boot jar)
 * &lt;digest of the jars&gt;/&lt;jdk&gt;/&lt;name&gt;/  a cache (classes.jsa or classes.aot), java.args, training.log
 * </pre> Everything is written aside and published by a rename, so two preparers (the
 * runtime and a {@code cache prepare}) never see half a cache. Caches of other builds of
 * the jar are removed.
 */
public final class StartupCaches {

	/**
	 * How long a training run may take unless configured: the runtime's instances and
	 * {@code cache prepare} share it.
	 */
	public static final String DEFAULT_TRAINING_TIMEOUT = "180s";

	private static final String PARTIAL = ".partial-";

	private final Path root;

	private final ApplicationLayout layout;

	private final JavaRuntime java;

	private final Duration timeout;

	private @Nullable String digest;

	public StartupCaches(Path root, ApplicationLayout layout, JavaRuntime java, Duration timeout) {
		this.root = root.toAbsolutePath().normalize();
		this.layout = layout;
		this.java = java;
		this.timeout = timeout;
	}

	public Path root() {
		return this.root;
	}

	public JavaRuntime java() {
		return this.java;
	}

	/** The cache recorded with {@code name}, if it was prepared. */
	public Optional<StartupCache> find(String name) {
		Path file = workloadDirectory(name).resolve(this.java.cacheFormat().fileName());
		Path jar = launchJar();
		if (!Files.isRegularFile(file) || !Files.isRegularFile(jar)) {
			return Optional.empty();
		}
		return Optional.of(new StartupCache(name, this.java.cacheFormat(), file, jar));
	}

	/**
	 * The cache named {@code name}: the one prepared before, else a new one from a
	 * training run of the workload made for a scratch directory.
	 * @throws StartupCacheException if the training run failed; only its log is kept
	 * then, as {@code <name>.failed.log}
	 */
	public StartupCache prepare(String name, Function<Path, TrainingWorkload> workloadIn) {
		Optional<StartupCache> existing = find(name);
		if (existing.isPresent()) {
			return existing.get();
		}
		removeStale();
		Path jar = this.layout.launchableJar(layoutDirectory().resolve("app"), this.java, this.timeout);
		Path target = workloadDirectory(name);
		Path partial = target.resolveSibling(target.getFileName() + PARTIAL + ProcessHandle.current().pid());
		try {
			Scratch.delete(partial);
			Files.createDirectories(partial);
			TrainingWorkload workload = workloadIn.apply(partial.resolve("scratch"));
			StartupCache cache = new StartupCache(name, this.java.cacheFormat(),
					target.resolve(this.java.cacheFormat().fileName()), jar);
			new TrainingRun(this.java, jar, workload, partial.resolve(cache.file().getFileName()),
					partial.resolve("training.log"), this.timeout)
				.run();
			Files.writeString(partial.resolve(StartupCache.ARGUMENT_FILE), cache.argumentFileContent(),
					StandardCharsets.UTF_8);
			Scratch.delete(partial.resolve("scratch"));
			Scratch.publish(partial, target);
			Files.deleteIfExists(failedLog(target));
			return find(workload.name()).orElseThrow(() -> new StartupCacheException(
					"The cache for '" + workload.name() + "' vanished from " + target + " as it was published"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare a startup cache in " + target, ex);
		}
		finally {
			Scratch.delete(partial.resolve("scratch"));
			if (Files.exists(partial.resolve("training.log"))) {
				keepFailedLog(partial, target);
			}
			Scratch.delete(partial);
		}
	}

	/** Every cache prepared for this jar and JDK, by name. */
	public List<StartupCache> list() {
		Path directory = jdkDirectory();
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.filter(Files::isDirectory)
				.map((entry) -> entry.getFileName().toString())
				.filter((name) -> !name.contains(PARTIAL))
				.sorted()
				.map(this::find)
				.flatMap(Optional::stream)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + directory, ex);
		}
	}

	/**
	 * The jar a cached JVM starts from: this one when extracted, else the extracted copy.
	 */
	private Path launchJar() {
		return this.layout.isExtracted() ? this.layout.jar()
				: layoutDirectory().resolve("app").resolve(this.layout.jar().getFileName());
	}

	/**
	 * The directory of this layout's caches: named by the jars' digest, or, for a JVM
	 * started from a layout extracted here ({@code <root>/<digest>/app}), that layout's
	 * directory.
	 */
	/**
	 * The digest of the folder runtime.jar was extracted into, when it runs from one of
	 * this root's layouts ({@code <root>/<digest>/app/runtime.jar}).
	 */
	private Optional<String> extractedDigest() {
		Path app = this.layout.jar().getParent();
		if (!this.layout.isExtracted() || app == null || !"app".equals(String.valueOf(app.getFileName()))) {
			return Optional.empty();
		}
		Path digestDirectory = app.getParent();
		if (digestDirectory == null || !this.root.equals(digestDirectory.getParent())) {
			return Optional.empty();
		}
		return Optional.of(String.valueOf(digestDirectory.getFileName()));
	}

	private synchronized Path layoutDirectory() {
		if (this.digest == null) {
			this.digest = extractedDigest().orElseGet(this.layout::digest);
		}
		return this.root.resolve(this.digest);
	}

	private Path jdkDirectory() {
		return layoutDirectory().resolve(this.java.key());
	}

	private Path workloadDirectory(String name) {
		return jdkDirectory().resolve(name);
	}

	/**
	 * A failed run's log is kept as {@code <name>.failed.log}, so that the error can be
	 * read later.
	 */
	private static void keepFailedLog(Path partial, Path target) {
		try {
			Files.move(partial.resolve("training.log"), failedLog(target), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			// The error message has the log's tail already.
		}
	}

	private static Path failedLog(Path target) {
		return target.resolveSibling(target.getFileName() + ".failed.log");
	}

	/**
	 * Removes what cannot be used again: caches of other builds of the jar (never this
	 * one's), and what preparers that died mid-way left (their process is gone).
	 */
	private void removeStale() {
		Path current = layoutDirectory();
		List<Path> stale = new ArrayList<>();
		stale.addAll(entries(this.root, (entry) -> !entry.equals(current)));
		stale.addAll(entries(current, StartupCaches::isAbandoned));
		stale.addAll(entries(jdkDirectory(), StartupCaches::isAbandoned));
		stale.forEach(Scratch::delete);
	}

	private static List<Path> entries(Path directory, Predicate<Path> filter) {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.filter(filter).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + directory, ex);
		}
	}

	/** A {@code .partial-<pid>} entry whose process is gone. */
	private static boolean isAbandoned(Path entry) {
		String name = entry.getFileName().toString();
		int at = name.lastIndexOf(PARTIAL);
		if (at < 0) {
			return false;
		}
		try {
			long pid = Long.parseLong(name.substring(at + PARTIAL.length()));
			return ProcessHandle.of(pid).map((process) -> !process.isAlive()).orElse(true);
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

}
