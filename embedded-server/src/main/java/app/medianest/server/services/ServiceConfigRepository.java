package app.medianest.server.services;

import app.medianest.server.db.Jdbc;
import app.medianest.server.db.RowMapper;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Rows of {@code service_config}: one per configured integration, the API key as AES-GCM ciphertext. */
public final class ServiceConfigRepository {
    private static final String COLUMNS = "name, url, enabled, api_key_enc, settings, updated_at";

    /** A stored row as it is in the table. */
    record Stored(String name, String url, boolean enabled, String apiKeyEnc, String settingsJson, Instant updatedAt) {
        @Override
        public String toString() {
            return "Stored[" + name + ", url=" + url + ", enabled=" + enabled + "]";
        }
    }

    private final Jdbc jdbc;

    public ServiceConfigRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    List<Stored> findAll() {
        return jdbc.query("SELECT " + COLUMNS + " FROM service_config", ServiceConfigRepository::map);
    }

    void upsert(Stored s) {
        String sql = jdbc.dialect().upsert("service_config", "name", COLUMNS.split(", "));
        jdbc.inTransaction(h -> h.update(sql, s.name(), s.url(), s.enabled(), s.apiKeyEnc(), s.settingsJson(),
                s.updatedAt().truncatedTo(ChronoUnit.MICROS)));
    }

    private static Stored map(RowMapper.Row r) throws SQLException {
        return new Stored(r.string("name"), r.string("url"), r.bool("enabled"), r.string("api_key_enc"),
                r.string("settings"), r.instant("updated_at"));
    }
}
