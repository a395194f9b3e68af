package dev.hangar.settings;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * What the settings service needs of its database beyond SQL: a committed write made
 * durable before it is confirmed, and a way back after the database failed.
 * <p>
 * The embedded H2 database writes each commit at once ({@code WRITE_DELAY=0} in its URL)
 * and is forced to disk after it ({@code CHECKPOINT SYNC}); PostgreSQL's commit is
 * durable already. When a write fails because the disk is full, H2 closes the database:
 * the pooled connections are then evicted, so that the next request opens it again from
 * what is on disk, and a read that met the closed database is tried once more on a fresh
 * connection.
 */
@Component
class SettingsDatabase {

	private static final Log logger = LogFactory.getLog(SettingsDatabase.class);

	/** PostgreSQL's SQLSTATE for a full disk. */
	private static final String DISK_FULL = "53100";

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final boolean h2;

	SettingsDatabase(DataSource dataSource, JdbcClient jdbc) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.h2 = "H2".equals(productName(dataSource));
	}

	/**
	 * Makes what was committed durable; called after every write, before it is confirmed.
	 */
	void sync() {
		if (this.h2) {
			this.jdbc.sql("CHECKPOINT SYNC").update();
		}
	}

	/**
	 * Runs a read; if the database was closed under it, once more on a fresh connection.
	 */
	<T> T read(Supplier<T> read) {
		try {
			return read.get();
		}
		catch (DataAccessResourceFailureException ex) {
			reopen();
			return read.get();
		}
	}

	/** Drops every pooled connection, so that the next one opens the database anew. */
	void reopen() {
		if (this.dataSource instanceof HikariDataSource hikari) {
			HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
			if (pool != null) {
				logger.warn("Reopening the settings database after a failure");
				pool.softEvictConnections();
			}
		}
	}

	/** Whether a failure of the database came from a full disk. */
	static boolean isDiskFull(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && DISK_FULL.equals(sql.getSQLState())) {
				return true;
			}
			if (String.valueOf(cause.getMessage()).contains("No space left on device")) {
				return true;
			}
		}
		return false;
	}

	private static String productName(DataSource dataSource) {
		try {
			return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		}
		catch (Exception ex) {
			return "unknown";
		}
	}

}
