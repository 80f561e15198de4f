-- Exact counts the admin statistics and the all-requests counts read in constant time instead of counting a table
-- of a million rows: one row per counted thing and stripe, changed by the repositories in the same transaction as
-- the rows they count (MediaRequestRepository: every insert, status change and delete of a request;
-- UserRepository: every person added or deleted). A writer adds to one of the 8 stripes, so that concurrent
-- writers seldom wait for each other's row lock; a reader sums the stripes. Runs unchanged on H2 2.x and
-- PostgreSQL 13+.
CREATE TABLE row_counts (
    name    VARCHAR(32)  NOT NULL,   -- 'requests.<status>' or 'users' (people, not API keys' service accounts)
    stripe  INTEGER      NOT NULL,
    n       BIGINT       NOT NULL,
    CONSTRAINT pk_row_counts PRIMARY KEY (name, stripe)
);

INSERT INTO row_counts (name, stripe, n)
SELECT c.name, s.stripe, 0
FROM (VALUES ('requests.pending'), ('requests.approved'), ('requests.declined'), ('requests.available'),
             ('requests.failed'), ('users')) AS c (name)
CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (6), (7)) AS s (stripe);

UPDATE row_counts SET n = (SELECT COUNT(*) FROM media_requests r WHERE r.status = SUBSTRING(row_counts.name FROM 10))
WHERE stripe = 0 AND name LIKE 'requests.%';
UPDATE row_counts SET n = (SELECT COUNT(*) FROM users u WHERE u.api_key_id IS NULL)
WHERE stripe = 0 AND name = 'users';

-- "Active in the last 30 days" of the admin statistics: recent sign-ins and recently used sessions read by range.
CREATE INDEX ix_users_last_login ON users (last_login_at);
CREATE INDEX ix_session_tokens_last_used ON session_tokens (last_used_at);
