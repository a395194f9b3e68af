/**
 * The WebDAV layer of a storage connector: Tomcat's WebdavServlet on every path, over the
 * driver's resources, behind a guard that enforces the upload limit and the quota.
 */
@NullMarked
package dev.hangar.storage.web;

import org.jspecify.annotations.NullMarked;
