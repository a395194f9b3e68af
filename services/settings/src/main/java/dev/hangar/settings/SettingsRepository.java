package dev.hangar.settings;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Settings in a SQL table, with statements that H2 and PostgreSQL both understand (an update,
 * then an insert when no row was there, rather than a dialect's upsert).
 */
@Repository
class SettingsRepository {

	private final JdbcClient jdbc;

	SettingsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<String> find(String user, String key) {
		return this.jdbc.sql("SELECT json_value FROM hangar_settings WHERE user_id = ? AND setting = ?")
			.params(user, key)
			.query(String.class)
			.optional();
	}

	List<String> keys(String user) {
		return this.jdbc.sql("SELECT setting FROM hangar_settings WHERE user_id = ? ORDER BY setting")
			.param(user)
			.query(String.class)
			.list();
	}

	/**
	 * Stores {@code json} under {@code key}.
	 * @return whether the setting is new
	 */
	@Transactional
	boolean save(String user, String key, String json, int maxPerUser) {
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
			throw new SettingsLimitException("User '" + user + "' has " + count
					+ " settings already, the most allowed (max-settings-per-user). Delete some first.");
		}
		this.jdbc.sql("INSERT INTO hangar_settings (user_id, setting, json_value, updated_at) VALUES (?, ?, ?, ?)")
			.params(user, key, json, now)
			.update();
		return true;
	}

	boolean delete(String user, String key) {
		return this.jdbc.sql("DELETE FROM hangar_settings WHERE user_id = ? AND setting = ?")
			.params(user, key)
			.update() > 0;
	}

}
