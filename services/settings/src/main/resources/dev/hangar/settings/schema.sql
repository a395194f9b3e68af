-- Portable between H2 and PostgreSQL; run at every start, so it only creates what is missing.
CREATE TABLE IF NOT EXISTS hangar_settings (
    user_id    VARCHAR(128)  NOT NULL,
    setting    VARCHAR(128)  NOT NULL,
    json_value TEXT          NOT NULL,
    updated_at TIMESTAMP     NOT NULL,
    PRIMARY KEY (user_id, setting)
);
