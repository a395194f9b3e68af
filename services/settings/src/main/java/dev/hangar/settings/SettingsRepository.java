package dev.hangar.settings;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.hangar.service.web.RequestRefusedException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settings in a SQL table, with statements that H2 and PostgreSQL both understand. A
 * value is stored by an update, then an insert when no row was there; when a concurrent
 * writer inserted the same key in between, the whole write is done again (now an update),
 * so the last writer wins and nobody gets an error. A write returns once it is durable.
 */
@Repository
class SettingsRepository {

	/**
	 * A writer can only lose the insert race once per competing insert of the key: one
	 * retry suffices, two for margin.
	 */
	private static final int ATTEMPTS = 3;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final SettingsDatabase database;

	SettingsRepository(JdbcClient jdbc, TransactionTemplate transactions, SettingsDatabase database) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.database = database;
	}

	Optional<String> find(String user, String key) {
		return this.database
			.read(() -> this.jdbc.sql("SELECT json_value FROM hangar_settings WHERE user_id = ? AND setting = ?")
				.params(user, key)
				.query(String.class)
				.optional());
	}

	List<String> keys(String user) {
		return this.database
			.read(() -> this.jdbc.sql("SELECT setting FROM hangar_settings WHERE user_id = ? ORDER BY setting")
				.param(user)
				.query(String.class)
				.list());
	}

	/**
	 * Stores {@code json} under {@code key}.
	 * @return whether the setting is new
	 */
	boolean save(String user, String key, String json, int maxPerUser) {
		for (int attempt = 1;; attempt++) {
			try {
				Boolean created = this.transactions.execute((status) -> upsert(user, key, json, maxPerUser));
				this.database.sync();
				return Boolean.TRUE.equals(created);
			}
			catch (DuplicateKeyException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	private boolean upsert(String user, String key, String json, int maxPerUser) {
		Timestamp now = Timestamp.from(Instant.now());
		int updated = this.jdbc
			.sql("UPDATE hangar_settings SET json_value = ?, updated_at = ? WHERE user_id = ? AND setting = ?")
			.params(json, now, user, key)
			.update();
		if (updated > 0) {
			return false;
		}
		long count = this.jdbc.sql("SELECT COUNT(*) FROM hangar_settings WHERE user_id = ?")
			.param(user)
			.query(Long.class)
			.single();
		if (count >= maxPerUser) {
			throw new RequestRefusedException(HttpStatus.CONFLICT, "User '" + user + "' has " + count
					+ " settings already, the most allowed (max-settings-per-user). Delete some first.");
		}
		this.jdbc.sql("INSERT INTO hangar_settings (user_id, setting, json_value, updated_at) VALUES (?, ?, ?, ?)")
			.params(user, key, json, now)
			.update();
		return true;
	}

	boolean delete(String user, String key) {
		boolean deleted = this.jdbc.sql("DELETE FROM hangar_settings WHERE user_id = ? AND setting = ?")
			.params(user, key)
			.update() > 0;
		this.database.sync();
		return deleted;
	}

}
