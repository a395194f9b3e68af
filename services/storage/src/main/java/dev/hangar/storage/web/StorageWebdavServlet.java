package dev.hangar.storage.web;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import jakarta.servlet.ServletException;
import org.apache.catalina.servlets.WebdavServlet;

/**
 * Tomcat's WebdavServlet with an XML parser that refuses any document type declaration:
 * no WebDAV client sends one, and a DTD is how entity-expansion bombs get in. Such a body
 * gets 400.
 */
public class StorageWebdavServlet extends WebdavServlet {

	private static final long serialVersionUID = 1L;

	@Override
	protected DocumentBuilder getDocumentBuilder() throws ServletException {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setExpandEntityReferences(false);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setXIncludeAware(false);
			return factory.newDocumentBuilder();
		}
		catch (ParserConfigurationException ex) {
			throw new ServletException("No XML parser that can refuse DTDs", ex);
		}
	}

}
