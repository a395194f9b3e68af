package dev.hangar.storage.posix;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.catalina.servlets.WebdavServlet;
import org.apache.catalina.servlets.WebdavServlet.PropertyUpdateType;
import org.apache.catalina.servlets.WebdavServlet.ProppatchOperation;
import org.apache.catalina.util.DOMWriter;
import org.apache.catalina.util.XMLWriter;
import org.w3c.dom.Node;

import dev.hangar.service.web.RequestRefusedException;

import org.springframework.http.HttpStatus;

/**
 * Tomcat's WebDAV dead-property store for a posix space: the properties live in files
 * beside the space's files ({@link DeadPropertyFiles}), so they survive a restart and are
 * deleted, copied and moved with their resource. A PROPPATCH is all or nothing, and
 * refused whole when it would give a resource more properties, or a larger one, than
 * allowed. Tomcat makes the store from its class name and sets the {@code store.*} init
 * parameters through the setters below.
 */
public class PosixPropertyStore implements WebdavServlet.PropertyStore {

	private String root = "";

	private int maxCount = 100;

	private int maxValueSize = 64 * 1024;

	private DeadPropertyFiles files;

	public void setRoot(String root) {
		this.root = root;
	}

	public void setMaxCount(int maxCount) {
		this.maxCount = maxCount;
	}

	public void setMaxValueSize(int maxValueSize) {
		this.maxValueSize = maxValueSize;
	}

	@Override
	public void init() {
		if (this.root.isEmpty()) {
			throw new IllegalStateException("The dead property store needs its space's root (store.root)");
		}
		this.files = new DeadPropertyFiles(Path.of(this.root));
	}

	@Override
	public void destroy() {
	}

	@Override
	public void periodicEvent() {
	}

	@Override
	public void copy(String source, String destination) {
		this.files.copy(source, destination);
	}

	@Override
	public void delete(String resource) {
		this.files.delete(resource);
	}

	@Override
	public boolean propfind(String resource, Node property, boolean nameOnly, XMLWriter generatedXML) {
		List<DeadPropertyFiles.DeadProperty> properties = this.files.read(resource);
		if (nameOnly) {
			for (DeadPropertyFiles.DeadProperty stored : properties) {
				generatedXML.writeElement(null, stored.namespace(), stored.name(), XMLWriter.NO_CONTENT);
			}
			return false;
		}
		if (property != null) {
			for (DeadPropertyFiles.DeadProperty stored : properties) {
				if (stored.sameName(property.getNamespaceURI(), property.getLocalName())) {
					generatedXML.writeRaw(stored.xml());
					return true;
				}
			}
			return false;
		}
		for (DeadPropertyFiles.DeadProperty stored : properties) {
			generatedXML.writeRaw(stored.xml());
		}
		return false;
	}

	@Override
	public void proppatch(String resource, ArrayList<ProppatchOperation> operations) {
		if (operations.stream().anyMatch(ProppatchOperation::getProtectedProperty)) {
			for (ProppatchOperation operation : operations) {
				operation.setStatusCode(operation.getProtectedProperty() ? HttpStatus.FORBIDDEN.value()
						: HttpStatus.FAILED_DEPENDENCY.value());
			}
			return;
		}
		this.files.locked(resource, () -> {
			List<DeadPropertyFiles.DeadProperty> properties = new ArrayList<>(this.files.read(resource));
			for (ProppatchOperation operation : operations) {
				Node node = operation.getPropertyNode();
				properties.removeIf((stored) -> stored.sameName(node.getNamespaceURI(), node.getLocalName()));
				if (operation.getUpdateType() == PropertyUpdateType.SET) {
					properties.add(new DeadPropertyFiles.DeadProperty(node.getNamespaceURI(), node.getLocalName(),
							serialized(node)));
				}
			}
			checkLimits(resource, properties);
			this.files.write(resource, properties);
			return null;
		});
	}

	private void checkLimits(String resource, List<DeadPropertyFiles.DeadProperty> properties) {
		if (properties.size() > this.maxCount) {
			throw new RequestRefusedException(HttpStatus.CONFLICT,
					"This PROPPATCH would give " + resource + " " + properties.size()
							+ " dead properties; the most allowed is " + this.maxCount
							+ " (dead-properties.max-count). Nothing was changed; remove some first.");
		}
		for (DeadPropertyFiles.DeadProperty property : properties) {
			if (property.xml().length() > this.maxValueSize) {
				throw new RequestRefusedException(HttpStatus.CONTENT_TOO_LARGE,
						"The property " + property.name() + " is " + property.xml().length()
								+ " characters; the most allowed is " + this.maxValueSize
								+ " (dead-properties.max-value-size). Nothing was changed.");
			}
		}
	}

	private static String serialized(Node node) {
		StringWriter out = new StringWriter();
		new DOMWriter(out).print(node.cloneNode(true));
		return out.toString();
	}

}
