-- Access tokens ended before their expiry (logout). Checked with the user's current role and state on every request
-- (cached for seconds), so a logout, deactivation or demotion takes effect at once instead of at the token's expiry.
create table revoked_access_tokens (
  jti         uuid primary key,
  user_id     uuid not null references users (id),
  expires_at  timestamptz not null
);
create index revoked_access_tokens_expiry on revoked_access_tokens (expires_at);
