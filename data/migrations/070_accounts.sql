-- Accounts, sessions, API tokens. Roles: viewer < editor < admin; editors are scoped to a
-- province and optionally to communes or clusters.
CREATE TABLE users (
  id                    serial PRIMARY KEY,
  username              text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]{3,40}$'),
  display_name          text,
  password_hash         text NOT NULL,
  role                  text NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
  province_code         text,
  commune_codes         text[] NOT NULL DEFAULT '{}',
  cluster_ids           integer[] NOT NULL DEFAULT '{}',
  must_change_password  boolean NOT NULL DEFAULT false,
  disabled              boolean NOT NULL DEFAULT false,
  version               integer NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  password_changed_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  token_hash   text PRIMARY KEY,          -- sha256 of the cookie value; the value itself is never stored
  user_id      integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE api_tokens (
  id           serial PRIMARY KEY,
  token_hash   text NOT NULL UNIQUE,
  user_id      integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name         text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz
);

-- The audit log is append-only: no UPDATE or DELETE, whoever asks (a restore truncates it).
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
