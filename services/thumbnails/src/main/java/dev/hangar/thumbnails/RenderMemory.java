package dev.hangar.thumbnails;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import dev.hangar.service.web.RequestRefusedException;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/**
 * The memory all renders in flight may hold together ({@code render-memory}). A render
 * reserves what its decoded image and its working copies will take before it decodes a
 * pixel, and gives it back when done; one that would need more than the whole budget is
 * refused with 413, one that finds the budget taken waits for its share, up to a limit,
 * then gets 503.
 */
class RenderMemory {

	private static final long UNIT = 1024;

	private final long budgetBytes;

	private final Semaphore kibibytes;

	RenderMemory(DataSize budget) {
		this.budgetBytes = budget.toBytes();
		this.kibibytes = new Semaphore(units(this.budgetBytes), true);
	}

	/**
	 * Reserves {@code bytes} for a render, waiting up to {@code patience} for them to be
	 * free.
	 * @param what the image, as the refusal names it
	 */
	Reservation reserve(long bytes, String what, Duration patience) {
		if (bytes > this.budgetBytes) {
			throw new RequestRefusedException(HttpStatus.CONTENT_TOO_LARGE,
					what + " needs " + megabytes(bytes) + " of memory to render at this size; the limit is "
							+ megabytes(this.budgetBytes)
							+ " (render-memory). Ask for a smaller thumbnail or send a smaller image.");
		}
		int units = units(bytes);
		try {
			if (!this.kibibytes.tryAcquire(units, patience.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new RequestRefusedException(HttpStatus.SERVICE_UNAVAILABLE, "The renders in progress hold the "
						+ megabytes(this.budgetBytes) + " of render-memory; retry later.");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RenderCancelledException("Interrupted while waiting for render memory");
		}
		return new Reservation(units);
	}

	/** Bytes not reserved now. */
	long freeBytes() {
		return this.kibibytes.availablePermits() * UNIT;
	}

	long budgetBytes() {
		return this.budgetBytes;
	}

	private static int units(long bytes) {
		return (int) Math.min(Integer.MAX_VALUE, Math.max(1, (bytes + UNIT - 1) / UNIT));
	}

	private static String megabytes(long bytes) {
		return (bytes + (1 << 20) - 1) / (1 << 20) + " MB";
	}

	/** Memory held by one render until closed. */
	final class Reservation implements AutoCloseable {

		private final int units;

		private boolean released;

		private Reservation(int units) {
			this.units = units;
		}

		@Override
		public void close() {
			if (!this.released) {
				this.released = true;
				RenderMemory.this.kibibytes.release(this.units);
			}
		}

	}

}
