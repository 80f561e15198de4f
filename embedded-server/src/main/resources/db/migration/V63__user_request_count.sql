-- The admin user list shows each user's number of requests. Counting them per listed user read every request of
-- every user on the page (a heavy requester has thousands); users.request_count is kept exact instead by
-- MediaRequestRepository in the same transaction as every insert and delete of a request (an owner's deletion
-- takes the user's row with it). Runs unchanged on H2 2.x and PostgreSQL 13+.
ALTER TABLE users ADD COLUMN request_count BIGINT DEFAULT 0 NOT NULL;
UPDATE users SET request_count = (SELECT COUNT(*) FROM media_requests r WHERE r.user_id = users.id);

-- "My requests" sorted by title read the whole title index in order, keeping the owner's rows (one in a thousand
-- on a million requests); this index yields one owner's requests in title order.
CREATE INDEX ix_media_requests_user_title ON media_requests (user_id, title_key, id);
