-- Every API key acts as its own account (a service account with the key's id and role), never as the admin who
-- created it: its notifications, live events and the requests it creates belong to it alone.
ALTER TABLE users ADD COLUMN api_key_id UUID;

INSERT INTO users (id, username, username_key, role, status, created_at, updated_at, api_key_id)
SELECT k.id, 'key-' || CAST(k.id AS VARCHAR(36)), 'key-' || CAST(k.id AS VARCHAR(36)), k.role, 'active',
       k.created_at, k.created_at, k.id
FROM api_keys k
WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = k.id);
