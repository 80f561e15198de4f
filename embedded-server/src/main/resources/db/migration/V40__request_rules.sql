-- Request rules: per-user overrides of the household's quota and auto-approval defaults (the defaults live in
-- app_settings as 'requests.rules'). A NULL column follows the default. Runs unchanged on H2 2.x and PostgreSQL 13+.
CREATE TABLE user_request_rules (
    user_id             UUID     NOT NULL PRIMARY KEY,
    movie_limit         INTEGER,                         -- requests per movie_days; 0 = unlimited
    movie_days          INTEGER,
    tv_limit            INTEGER,                         -- seasons per tv_days; 0 = unlimited
    tv_days             INTEGER,
    auto_approve_movie  BOOLEAN,
    auto_approve_tv     BOOLEAN,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_user_request_rules_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT ck_user_request_rules_limits CHECK ((movie_limit IS NULL OR movie_limit BETWEEN 0 AND 10000)
        AND (tv_limit IS NULL OR tv_limit BETWEEN 0 AND 10000)),
    CONSTRAINT ck_user_request_rules_days CHECK ((movie_days IS NULL OR movie_days BETWEEN 1 AND 3650)
        AND (tv_days IS NULL OR tv_days BETWEEN 1 AND 3650))
);
