package app.medianest.server.seed;

import app.medianest.server.db.Dialect;
import app.medianest.server.db.Jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * The request indexes whose keys arrive in random order during seeding (by owner, by title, by TMDB id), dropped
 * for the bulk load and built again afterwards from the loaded rows, which both databases do by sorting: kept
 * during the load, each row would rewrite a page of each of them at a random place (H2 writes every page changed
 * since its last store, so the file would be rewritten many times over). Their definitions are read from the
 * database itself (H2 {@code SCRIPT}, PostgreSQL's catalog), so the rebuilt indexes are exactly the migrated ones;
 * an index the database does not have is left alone. The owner foreign key goes and comes back with its index
 * (H2 backs it with that index).
 */
final class BulkIndexes {
    static final List<String> INDEXES = List.of("ix_media_requests_user_created",
            "ix_media_requests_user_status_created", "ix_media_requests_user_title", "ix_media_requests_title",
            "ix_media_requests_tmdb");
    static final String OWNER_KEY = "fk_media_requests_user";

    private final Jdbc jdbc;
    /** Statements that put back what was dropped, in order: the indexes, then the foreign key. */
    private final List<String> restore = new ArrayList<>();

    private BulkIndexes(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Drops the indexes (and the owner key) and remembers how to build them again. */
    static BulkIndexes suspend(Jdbc jdbc) {
        BulkIndexes b = new BulkIndexes(jdbc);
        List<String> create = new ArrayList<>();
        String ownerKey = null;
        if (jdbc.dialect() == Dialect.H2) {
            List<String> script = jdbc.query("SCRIPT NODATA NOPASSWORDS NOSETTINGS TABLE media_requests",
                    r -> r.string("script"));
            for (String index : INDEXES) {
                script.stream().filter(s -> s.startsWith("CREATE INDEX") && s.contains("\"" + index + "\""))
                        .findFirst().ifPresent(create::add);
            }
            ownerKey = script.stream().filter(s -> s.startsWith("ALTER TABLE") && s.contains("\"" + OWNER_KEY + "\""))
                    .findFirst().orElse(null);
        } else {
            for (String index : INDEXES) {
                jdbc.queryOne("SELECT indexdef AS def FROM pg_indexes WHERE indexname = ? "
                        + "AND schemaname = current_schema()", r -> r.string("def"),
                        index)
                        .ifPresent(create::add);
            }
            ownerKey = jdbc.queryOne("SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = ? "
                    + "AND conrelid = 'media_requests'::regclass",
                    r -> r.string("def"), OWNER_KEY)
                    .map(def -> "ALTER TABLE media_requests ADD CONSTRAINT " + OWNER_KEY + " " + def).orElse(null);
        }
        if (ownerKey == null || create.size() != INDEXES.size()) {
            return b;   // not the schema this was made for: load with every index in place
        }
        jdbc.update("ALTER TABLE media_requests DROP CONSTRAINT " + OWNER_KEY);
        for (String index : INDEXES) {
            jdbc.update("DROP INDEX " + index);
        }
        b.restore.addAll(create);
        b.restore.add(ownerKey);
        return b;
    }

    /** Builds the dropped indexes again and restores the owner key. */
    void restore() {
        for (String sql : restore) {
            jdbc.update(sql);
        }
        restore.clear();
    }
}
