package dev.hangar.thumbnails;

import dev.hangar.config.PeerDefaults;
import dev.hangar.service.Instancing;
import dev.hangar.service.ServiceDefinition;

/** The thumbnails service, as the runtime and its own jar see it. */
public final class ThumbnailsService implements ServiceDefinition {

	@Override
	public String name() {
		return "thumbnails";
	}

	@Override
	public String description() {
		return "Scales PNG, JPEG, GIF, BMP and WebP images to thumbnails, the right way up.";
	}

	@Override
	public int defaultPort() {
		return 9185;
	}

	@Override
	public Instancing instancing() {
		return Instancing.INSTANTIABLE;
	}

	@Override
	public Class<?> configuration() {
		return ThumbnailsApplication.class;
	}

	@Override
	public PeerDefaults peerDefaults() {
		return new StorageSourceDefaults();
	}

	@Override
	public String defaultsResource() {
		return "dev/hangar/thumbnails/thumbnails-defaults.yaml";
	}

}
