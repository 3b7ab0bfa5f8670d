-- Keys for machine clients: only the SHA-256 of the secret is kept; the secret ("vk_…") is shown once at creation.
-- A key speaks for its organization with its own role; created_by is the admin who made it (rows a key creates are
-- attributed to that admin where a table wants a user).
create table api_keys (
  id           uuid primary key,
  org_id       uuid not null references organizations (id) on delete cascade,
  name         text not null,
  prefix       text not null,
  secret_hash  text not null unique,
  role         text not null check (role in ('admin', 'operator', 'viewer')),
  created_by   uuid not null references users (id),
  created_at   timestamptz not null default now(),
  expires_at   timestamptz,
  revoked_at   timestamptz,
  last_used_at timestamptz
);
create index api_keys_org_idx on api_keys (org_id, created_at desc, id);
