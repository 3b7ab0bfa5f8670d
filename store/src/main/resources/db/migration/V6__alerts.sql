-- Alert rules, the alerts they raise on transcripts, and signed outbound webhooks that deliver them.

create table alert_rules (
  id            uuid primary key,
  org_id        uuid not null references organizations (id) on delete cascade,
  name          text not null,
  kind          text not null check (kind in ('keyword', 'regex', 'sentiment')),
  pattern       text,
  threshold     double precision check (threshold between -1 and 1),
  speaker       text not null default 'any' check (speaker in ('agent', 'customer', 'any')),
  first_minutes int check (first_minutes > 0),
  last_minutes  int check (last_minutes > 0),
  in_question   boolean not null default false,
  severity      text not null check (severity in ('low', 'medium', 'high', 'critical')),
  enabled       boolean not null default true,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  check ((kind = 'sentiment') = (threshold is not null)),
  check ((kind = 'sentiment') = (pattern is null))
);
create index alert_rules_org_idx on alert_rules (org_id, created_at, id);

-- One alert per rule, audio and segment: re-evaluating (retry, reprocess) never duplicates one.
-- segment_idx is null for whole-audio rules (sentiment).
create table alerts (
  id          uuid primary key,
  org_id      uuid not null references organizations (id) on delete cascade,
  rule_id     uuid not null references alert_rules (id) on delete cascade,
  audio_id    uuid not null references audios (id) on delete cascade,
  segment_idx int,
  start_ms    bigint not null,
  evidence    text not null,
  severity    text not null check (severity in ('low', 'medium', 'high', 'critical')),
  status      text not null default 'open' check (status in ('open', 'assigned', 'resolved')),
  assignee_id uuid references users (id) on delete set null,
  resolved_at timestamptz,
  resolved_by uuid references users (id) on delete set null,
  note        text,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  unique nulls not distinct (rule_id, audio_id, segment_idx)
);
create index alerts_org_created_idx on alerts (org_id, created_at desc, id);
create index alerts_org_status_idx on alerts (org_id, status, severity);
create index alerts_audio_idx on alerts (audio_id);

create table outbound_webhooks (
  id          uuid primary key,
  org_id      uuid not null references organizations (id) on delete cascade,
  url         text not null,
  secret      text not null,
  description text,
  enabled     boolean not null default true,
  event_types text[] not null,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
create index outbound_webhooks_org_idx on outbound_webhooks (org_id, created_at, id);

-- One row per (event, webhook); its id is the Vocero-Delivery header, the same on every attempt.
create table webhook_deliveries (
  id               uuid primary key,
  org_id           uuid not null references organizations (id) on delete cascade,
  webhook_id       uuid not null references outbound_webhooks (id) on delete cascade,
  event_id         uuid not null,
  event_type       text not null,
  alert_id         uuid references alerts (id) on delete cascade,
  status           text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
  attempts         int not null default 0,
  last_status_code int,
  last_error       text,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  delivered_at     timestamptz,
  unique (webhook_id, event_id)
);
create index webhook_deliveries_webhook_idx on webhook_deliveries (webhook_id, created_at desc, id);
create index webhook_deliveries_alert_idx on webhook_deliveries (alert_id);
