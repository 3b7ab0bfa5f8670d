-- The operator's console signs people in with a cookie; the cookie's value is never stored, only its SHA-256.
create table console_sessions (
  id_hash    text primary key,
  user_id    uuid not null references users (id) on delete cascade,
  org_id     uuid not null references organizations (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index console_sessions_user_idx on console_sessions (user_id);
create index console_sessions_expiry_idx on console_sessions (expires_at);
