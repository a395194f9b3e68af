package dev.hangar.thumbnails;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.hangar.service.test.Http;
import dev.hangar.service.test.ServiceUnderTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Photos as cameras, phones and print workflows write them, made by ImageMagick and
 * exiftool: every EXIF orientation, CMYK (YCCK) JPEGs, WebP. The picture is 60x40, blue
 * with a red top-left quarter; every thumbnail must show exactly that, so each check
 * reads the pixels of the four quarters.
 */
class RealPhotosTest {

	@TempDir
	static Path dir;

	static ServiceUnderTest service;

	static ImageTools tools;

	static Path picture;

	@BeforeAll
	static void start() {
		tools = ImageTools.find().orElse(null);
		assumeThat(tools).as("ImageMagick and exiftool (Debian: imagemagick, libimage-exiftool-perl)").isNotNull();
		picture = tools.convert("-size", "60x40", "xc:blue", "-fill", "red", "-draw", "rectangle 0,0 29,19",
				dir.resolve("picture.png").toString());
		service = ServiceUnderTest.start(new ThumbnailsService(), dir.resolve("home"));
	}

	@AfterAll
	static void stop() {
		if (service != null) {
			service.close();
		}
	}

	@ParameterizedTest(name = "orientation {0}: stored after '{1}'")
	@CsvSource({ "1,-strip", "2,-flop", "3,-rotate 180", "4,-flip", "5,-transpose", "6,-rotate 270", "7,-transverse",
			"8,-rotate 90" })
	void aPhotoIsTurnedByItsExifOrientation(int orientation, String storedAs) throws IOException {
		String[] operation = storedAs.split(" ");
		Path photo = dir.resolve("orientation-" + orientation + ".jpg");
		if (operation.length == 1) {
			tools.convert(picture.toString(), operation[0], "-quality", "95", photo.toString());
		}
		else {
			tools.convert(picture.toString(), operation[0], operation[1], "-quality", "95", photo.toString());
		}
		tools.orient(photo, orientation);

		BufferedImage thumbnail = thumbnail(photo, "png");

		assertThat(thumbnail.getWidth()).isEqualTo(60);
		assertThat(thumbnail.getHeight()).isEqualTo(40);
		assertShowsThePicture(thumbnail);
	}

	@Test
	void aYcckJpegFromAPrintWorkflowIsDecodedInItsColours() throws IOException {
		Path photo = tools.convert(picture.toString(), "-colorspace", "CMYK", "-quality", "95",
				dir.resolve("cmyk.jpg").toString());

		assertShowsThePicture(thumbnail(photo, "png"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "lossy,-quality 95", "lossless,-define webp:lossless=true" })
	void aWebpImageIsAccepted(String kind, String options) throws IOException {
		String[] option = options.split(" ");
		Path photo = tools.convert(picture.toString(), option[0], option[1], dir.resolve(kind + ".webp").toString());

		assertShowsThePicture(thumbnail(photo, "jpeg"));
	}

	@Test
	@Tag("hostile-clients")
	void aLargeWebpIsBudgetedForTheWholeFrameItsDecoderHolds() throws IOException {
		Path photo = tools.convert("-size", "3000x3000", "gradient:red-blue", dir.resolve("large.webp").toString());

		try (ServiceUnderTest small = ServiceUnderTest.start(new ThumbnailsService(), dir.resolve("small-home"),
				"--render-memory=32MB")) {
			HttpResponse<byte[]> response = Http.post(small.uri("/thumbnails?size=64x64"), "image/webp",
					Files.readAllBytes(photo));

			assertThat(response.statusCode()).isEqualTo(413);
			assertThat(new String(response.body())).contains("render-memory");
		}
	}

	private static BufferedImage thumbnail(Path photo, String format) throws IOException {
		HttpResponse<byte[]> response = Http.post(service.uri("/thumbnails?size=60x60&format=" + format),
				"application/octet-stream", Files.readAllBytes(photo));
		assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
		return TestImages.decoded(response.body());
	}

	/**
	 * Red in the top-left quarter, blue in the three others, within compression's noise.
	 */
	private static void assertShowsThePicture(BufferedImage thumbnail) {
		int width = thumbnail.getWidth();
		int height = thumbnail.getHeight();
		assertThat(width).isGreaterThan(height);
		assertColour(thumbnail, width / 4, height / 4, 0xff0000);
		assertColour(thumbnail, 3 * width / 4, height / 4, 0x0000ff);
		assertColour(thumbnail, width / 4, 3 * height / 4, 0x0000ff);
		assertColour(thumbnail, 3 * width / 4, 3 * height / 4, 0x0000ff);
	}

	private static void assertColour(BufferedImage image, int x, int y, int expected) {
		int actual = image.getRGB(x, y) & 0xffffff;
		for (int shift : new int[] { 16, 8, 0 }) {
			int difference = Math.abs(((actual >> shift) & 0xff) - ((expected >> shift) & 0xff));
			assertThat(difference).as("pixel (%d,%d) is #%06x, expected about #%06x", x, y, actual, expected)
				.isLessThan(48);
		}
	}

}
