-- MediaNest schema, version 1. Runs unchanged on H2 2.x and PostgreSQL 13+.
-- Conventions: UUID keys, TIMESTAMP WITH TIME ZONE in UTC, status columns guarded by CHECK constraints,
-- list queries served by (filter..., created_at DESC, id DESC) indexes (newest first is every list's default
-- order) so keyset pages cost the same at any depth.

CREATE TABLE users (
    id              UUID          NOT NULL PRIMARY KEY,
    username        VARCHAR(64)   NOT NULL,
    username_key    VARCHAR(64)   NOT NULL,              -- lower-cased username: unique, case-insensitive
    email           VARCHAR(320),
    role            VARCHAR(16)   NOT NULL,
    status          VARCHAR(16)   NOT NULL DEFAULT 'active',
    password_hash   VARCHAR(255),                        -- null for Plex-only accounts
    plex_id         VARCHAR(64),
    plex_username   VARCHAR(255),
    plex_token_enc  VARCHAR(1024),                       -- AES-GCM ciphertext, never the token itself
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_login_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_users_username UNIQUE (username_key),
    CONSTRAINT uq_users_plex_id UNIQUE (plex_id),
    CONSTRAINT ck_users_role CHECK (role IN ('user', 'admin')),
    CONSTRAINT ck_users_status CHECK (status IN ('active', 'suspended')),
    CONSTRAINT ck_users_username CHECK (CHAR_LENGTH(username) BETWEEN 1 AND 64)
);
CREATE INDEX ix_users_email ON users (email);
CREATE INDEX ix_users_role_created ON users (role, created_at, id);
CREATE INDEX ix_users_status_created ON users (status, created_at, id);
CREATE INDEX ix_users_created ON users (created_at, id);

CREATE TABLE session_tokens (
    id            UUID         NOT NULL PRIMARY KEY,
    user_id       UUID         NOT NULL,
    token_hash    VARCHAR(64)  NOT NULL,                 -- hex SHA-256 of the opaque token
    remember_me   BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at  TIMESTAMP WITH TIME ZONE,
    client_address VARCHAR(64),
    user_agent    VARCHAR(255),
    CONSTRAINT uq_session_tokens_hash UNIQUE (token_hash),
    CONSTRAINT fk_session_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_session_tokens_user ON session_tokens (user_id);
CREATE INDEX ix_session_tokens_expires ON session_tokens (expires_at);

CREATE TABLE api_keys (
    id            UUID         NOT NULL PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    prefix        VARCHAR(16)  NOT NULL,                 -- shown in lists so keys can be told apart
    key_hash      VARCHAR(64)  NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    created_by    UUID,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at  TIMESTAMP WITH TIME ZONE,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_api_keys_hash UNIQUE (key_hash),
    CONSTRAINT ck_api_keys_role CHECK (role IN ('user', 'admin')),
    CONSTRAINT fk_api_keys_creator FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX ix_api_keys_created ON api_keys (created_at, id);

CREATE TABLE media_requests (
    id              UUID          NOT NULL PRIMARY KEY,
    user_id         UUID,                                -- null once the owner was deleted (anonymised)
    media_type      VARCHAR(8)    NOT NULL,
    tmdb_id         INTEGER       NOT NULL,
    title           VARCHAR(500)  NOT NULL,
    title_key       VARCHAR(500)  NOT NULL,              -- lower-cased title for case-insensitive search
    status          VARCHAR(16)   NOT NULL,
    -- 'movie:603' while the request is active (not declined/failed), else null: a unique key on it lets the
    -- database itself refuse a second active request for the same media, whatever the race.
    active_media    VARCHAR(32),
    seasons         VARCHAR(1000),                       -- JSON array of season numbers (tv)
    decline_reason  VARCHAR(1000),
    overseerr_id    INTEGER,
    decided_by      UUID,
    decided_at      TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_media_requests_decider FOREIGN KEY (decided_by) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT uq_media_requests_active UNIQUE (active_media),
    CONSTRAINT ck_media_requests_type CHECK (media_type IN ('movie', 'tv')),
    CONSTRAINT ck_media_requests_status CHECK (status IN ('pending', 'approved', 'declined', 'available', 'failed')),
    CONSTRAINT ck_media_requests_tmdb CHECK (tmdb_id > 0),
    CONSTRAINT ck_media_requests_active CHECK (
        (status IN ('declined', 'failed') AND active_media IS NULL)
        OR (status IN ('pending', 'approved', 'available') AND active_media IS NOT NULL))
);
CREATE INDEX ix_media_requests_user_created ON media_requests (user_id, created_at DESC, id DESC);
CREATE INDEX ix_media_requests_status_created ON media_requests (status, created_at DESC, id DESC);
CREATE INDEX ix_media_requests_user_status_created ON media_requests (user_id, status, created_at DESC, id DESC);
CREATE INDEX ix_media_requests_created ON media_requests (created_at DESC, id DESC);
CREATE INDEX ix_media_requests_tmdb ON media_requests (tmdb_id, media_type);
CREATE INDEX ix_media_requests_title ON media_requests (title_key, id);
CREATE INDEX ix_media_requests_overseerr ON media_requests (overseerr_id);
-- Foreign keys after the indexes: H2 then backs them with the composite index instead of a plain one that
-- its planner would prefer for 'my requests' (and then sort).
ALTER TABLE media_requests ADD CONSTRAINT fk_media_requests_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL;

CREATE TABLE youtube_downloads (
    id            UUID           NOT NULL PRIMARY KEY,
    user_id       UUID           NOT NULL,
    url           VARCHAR(2048)  NOT NULL,
    video_id      VARCHAR(64),
    playlist_id   VARCHAR(64),
    title         VARCHAR(500),
    quality       VARCHAR(8)     NOT NULL DEFAULT 'best',
    format        VARCHAR(8)     NOT NULL DEFAULT 'mp4',
    status        VARCHAR(16)    NOT NULL,
    active_key    VARCHAR(200),                         -- 'user:video' while queued/downloading, else null
    progress      INTEGER        NOT NULL DEFAULT 0,
    files         VARCHAR(4000),                        -- JSON array of produced file names
    error         VARCHAR(1000),
    attempts      INTEGER        NOT NULL DEFAULT 0,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE,
    completed_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_youtube_downloads_active UNIQUE (active_key),
    CONSTRAINT ck_youtube_downloads_status CHECK (status IN ('queued', 'downloading', 'completed', 'failed', 'cancelled')),
    CONSTRAINT ck_youtube_downloads_progress CHECK (progress BETWEEN 0 AND 100),
    CONSTRAINT ck_youtube_downloads_quality CHECK (quality IN ('best', '2160p', '1440p', '1080p', '720p', '480p', '360p')),
    CONSTRAINT ck_youtube_downloads_format CHECK (format IN ('mp4', 'webm', 'mkv'))
);
CREATE INDEX ix_youtube_downloads_user_created ON youtube_downloads (user_id, created_at DESC, id DESC);
CREATE INDEX ix_youtube_downloads_status_created ON youtube_downloads (status, created_at DESC, id DESC);
ALTER TABLE youtube_downloads ADD CONSTRAINT fk_youtube_downloads_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;

CREATE TABLE service_config (
    name          VARCHAR(32)    NOT NULL PRIMARY KEY,  -- plex, overseerr, uptime-kuma, youtube
    url           VARCHAR(2048),
    enabled       BOOLEAN        NOT NULL DEFAULT FALSE,
    api_key_enc   VARCHAR(2048),                        -- AES-GCM ciphertext
    settings      VARCHAR(4000),                        -- JSON object of non-secret settings
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE service_status (
    name             VARCHAR(64)   NOT NULL PRIMARY KEY,
    display_name     VARCHAR(128)  NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    response_time_ms INTEGER,
    uptime_24h       DOUBLE PRECISION,
    uptime_30d       DOUBLE PRECISION,
    last_check_at    TIMESTAMP WITH TIME ZONE,
    message          VARCHAR(1000),
    CONSTRAINT ck_service_status_status CHECK (status IN ('up', 'down', 'degraded', 'unknown'))
);

CREATE TABLE notifications (
    id          UUID          NOT NULL PRIMARY KEY,
    user_id     UUID          NOT NULL,
    type        VARCHAR(64)   NOT NULL,
    title       VARCHAR(255)  NOT NULL,
    message     VARCHAR(2000) NOT NULL,
    data        VARCHAR(4000),                          -- JSON object, e.g. {"requestId": "..."}
    read_at     TIMESTAMP WITH TIME ZONE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_notifications_user_created ON notifications (user_id, created_at DESC, id DESC);
CREATE INDEX ix_notifications_user_unread ON notifications (user_id, read_at);
ALTER TABLE notifications ADD CONSTRAINT fk_notifications_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;

CREATE TABLE alert_history (
    id               UUID          NOT NULL PRIMARY KEY,
    rule_id          VARCHAR(64)   NOT NULL,
    metric           VARCHAR(64)   NOT NULL,
    severity         VARCHAR(16)   NOT NULL,
    observed         DOUBLE PRECISION NOT NULL,
    threshold        DOUBLE PRECISION NOT NULL,
    message          VARCHAR(1000) NOT NULL,
    raised_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at      TIMESTAMP WITH TIME ZONE,
    acknowledged_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_alert_history_severity CHECK (severity IN ('warning', 'critical'))
);
CREATE INDEX ix_alert_history_raised ON alert_history (raised_at, id);
CREATE INDEX ix_alert_history_open ON alert_history (resolved_at, rule_id);

CREATE TABLE request_outbox (
    id               UUID          NOT NULL PRIMARY KEY,
    request_id       UUID          NOT NULL,
    action           VARCHAR(16)   NOT NULL,
    attempts         INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error       VARCHAR(1000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_request_outbox_request FOREIGN KEY (request_id) REFERENCES media_requests (id) ON DELETE CASCADE,
    CONSTRAINT ck_request_outbox_action CHECK (action IN ('create', 'approve', 'decline', 'delete'))
);
CREATE INDEX ix_request_outbox_due ON request_outbox (sent_at, next_attempt_at);
CREATE INDEX ix_request_outbox_request ON request_outbox (request_id);

CREATE TABLE app_settings (
    name        VARCHAR(100)  NOT NULL PRIMARY KEY,     -- e.g. feature flags, 'plex.new-users-allowed'
    setting_value VARCHAR(4000) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
