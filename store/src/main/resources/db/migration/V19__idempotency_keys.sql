-- The first answer to a POST sent with an Idempotency-Key, replayed for 24 hours to the same key with the same body.
-- A row is inserted before the request runs (state 'running'), so a concurrent duplicate finds it and waits.
create table idempotency_keys (
  org_id           uuid not null references organizations (id) on delete cascade,
  key              text not null,
  request_hash     text not null,
  state            text not null check (state in ('running', 'done')),
  response_status  int,
  response_type    text,
  response_body    bytea,
  created_at       timestamptz not null default now(),
  expires_at       timestamptz not null,
  primary key (org_id, key)
);
create index idempotency_keys_expiry on idempotency_keys (expires_at);
