-- Step 5, performance layer. Runs unchanged on H2 2.x and PostgreSQL 13+.

-- One row per minute: the performance rollup (requests, latency histogram buckets per route, memory, pool,
-- caches, slow queries) as JSON. Kept for the configured retention (perf.history-retention).
CREATE TABLE perf_rollups (
    minute_at   TIMESTAMP WITH TIME ZONE NOT NULL PRIMARY KEY,
    payload     VARCHAR(1000000) NOT NULL
);

-- Alert rules are stored as one JSON document in app_settings; 4000 characters hold only about 20 rules.
ALTER TABLE app_settings ALTER COLUMN setting_value SET DATA TYPE VARCHAR(65535);
