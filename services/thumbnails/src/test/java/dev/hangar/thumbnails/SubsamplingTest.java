package dev.hangar.thumbnails;

import org.junit.jupiter.api.Test;

import dev.hangar.service.web.RequestRefusedException;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SubsamplingTest {

	private static final long MB = 1 << 20;

	@Test
	void anImageNoLargerThanFourTimesTheThumbnailIsDecodedWhole() {
		assertThat(Subsampling.plan(400, 300, new ThumbnailSize(128, 128), 16, 0, 256 * MB).step()).isEqualTo(1);
		assertThat(Subsampling.plan(64, 64, new ThumbnailSize(128, 128), 16, 0, 256 * MB).step()).isEqualTo(1);
	}

	@Test
	void aLargerImageKeepsFourTimesTheThumbnailWhenMemoryAllows() {
		Subsampling plan = Subsampling.plan(7000, 7000, new ThumbnailSize(128, 128), 16, 0, 256 * MB);

		assertThat(plan.step()).isEqualTo(13);
		assertThat(plan.bytes()).isEqualTo(539L * 539 * 16);
	}

	@Test
	void aCoarserStepIsTakenWhenTheFinerOneWouldNotFitTheMemory() {
		Subsampling plan = Subsampling.plan(7000, 7000, new ThumbnailSize(1024, 1024), 16, 8 * MB, 64 * MB);

		assertThat(plan.step()).isEqualTo(4);
		assertThat(plan.bytes()).isLessThanOrEqualTo(64 * MB);
	}

	@Test
	void whenNotEvenTheThumbnailsOwnSizeFitsItIsRefusedWith413NamingTheKey() {
		assertThatExceptionOfType(RequestRefusedException.class)
			.isThrownBy(() -> Subsampling.plan(7000, 7000, new ThumbnailSize(1024, 1024), 16, 8 * MB, 16 * MB))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE))
			.withMessageContaining("render-memory")
			.withMessageContaining("7000x7000");
	}

}
