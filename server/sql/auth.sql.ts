/** Named queries for accounts, sessions and API tokens. */

export const userColumns = `u.id, u.username, u.display_name, u.role, u.province_code, u.commune_codes,
  u.cluster_ids, u.must_change_password, u.disabled, u.version`;

export const userByUsername = `SELECT ${userColumns}, u.password_hash FROM users u WHERE u.username = $1`;

export const sessionUser = `
  SELECT ${userColumns}, s.csrf_token FROM sessions s JOIN users u ON u.id = s.user_id
  WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled`;

export const tokenUser = `
  UPDATE api_tokens t SET last_used_at = now() FROM users u
  WHERE t.token_hash = $1 AND u.id = t.user_id AND NOT u.disabled
  RETURNING ${userColumns}`;

export const insertSession = `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)
  VALUES ($1, $2, $3, now() + make_interval(hours => $4))`;

export const deleteSession = `DELETE FROM sessions WHERE token_hash = $1`;
export const deleteUserSessions = `DELETE FROM sessions WHERE user_id = $1`;
export const purgeExpiredSessions = `DELETE FROM sessions WHERE expires_at <= now()`;

export const insertUser = `
  INSERT INTO users (username, display_name, password_hash, role, province_code, commune_codes, cluster_ids, must_change_password)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`;

export const countUsers = `SELECT count(*)::int AS n FROM users`;

export const setPassword = `UPDATE users SET password_hash = $2, must_change_password = false,
  password_changed_at = now(), version = version + 1 WHERE id = $1`;

export const insertToken = `INSERT INTO api_tokens (token_hash, user_id, name) VALUES ($1, $2, $3) RETURNING id`;
