-- Call batches: contacts imported from a spreadsheet, attempts, provider events, do-not-call lists.

create table call_batches (
  id              uuid primary key,
  org_id          uuid not null references organizations (id) on delete cascade,
  name            text not null,
  status          text not null check (status in ('running', 'paused', 'completed', 'cancelled', 'failed')),
  settings        jsonb not null,
  script          text,
  script_language text not null default 'es-MX',
  source_filename text,
  source_format   text,
  rows_read       int not null default 0,
  contacts_count  int not null default 0,
  rejected_count  int not null default 0,
  started         int not null default 0,
  finished        int not null default 0,
  created_by      uuid references users (id) on delete set null,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  completed_at    timestamptz
);
create index call_batches_org_created_idx on call_batches (org_id, created_at desc, id);

create table contacts (
  id                bigserial primary key,
  org_id            uuid not null,
  batch_id          uuid not null references call_batches (id) on delete cascade,
  row_number        int not null,
  name              text,
  phones            text[] not null,
  amount            numeric(18, 2),
  due_date          date,
  time_zone         text not null,
  document          text,
  email             text,
  variables         jsonb not null default '{}',
  status            text not null default 'pending' check (status in ('pending', 'in_progress', 'done')),
  final_disposition text,
  attempts          int not null default 0,
  updated_at        timestamptz not null default now()
);
create index contacts_batch_idx on contacts (batch_id, id);

create table batch_rejected_rows (
  batch_id   uuid not null references call_batches (id) on delete cascade,
  org_id     uuid not null,
  row_number int not null,
  issues     jsonb not null,
  row_values jsonb not null,
  primary key (batch_id, row_number)
);

create table call_attempts (
  id               uuid primary key,
  org_id           uuid not null,
  batch_id         uuid not null references call_batches (id) on delete cascade,
  contact_id       bigint not null references contacts (id) on delete cascade,
  attempt_number   int not null,
  phone_index      int not null,
  phone_e164       text not null,
  provider         text,
  provider_call_id text,
  status           text not null check (status in ('planned', 'placed', 'ended')),
  provider_status  text,
  disposition      text,
  reason           text,
  next_step        text,
  answered_by      text,
  duration_seconds int,
  recording_url    text,
  analysis         jsonb,
  audio_id         uuid references audios (id) on delete set null,
  created_at       timestamptz not null default now(),
  placed_at        timestamptz,
  ended_at         timestamptz
);
create unique index call_attempts_provider_call_uq on call_attempts (provider, provider_call_id);
create index call_attempts_contact_idx on call_attempts (contact_id, attempt_number);
create index call_attempts_phone_recent_idx on call_attempts (org_id, phone_e164, created_at);

-- Every decision taken for a contact, in order: why it was called, skipped, retried or stopped.
create table call_decisions (
  id         bigserial primary key,
  org_id     uuid not null,
  batch_id   uuid not null references call_batches (id) on delete cascade,
  contact_id bigint not null references contacts (id) on delete cascade,
  attempt_id uuid,
  decision   text not null,
  reason     text,
  at         timestamptz not null default now()
);
create index call_decisions_contact_idx on call_decisions (contact_id, id);

-- Raw provider callbacks. Stored before anything else; a unique key makes redeliveries no-ops.
-- org_id and attempt_id stay null for callbacks about calls we do not know (kept for audit).
create table provider_events (
  id               bigserial primary key,
  provider         text not null,
  event_key        text not null,
  org_id           uuid,
  attempt_id       uuid,
  provider_call_id text,
  sequence         int not null default 0,
  status           text,
  terminal         boolean not null default false,
  disposition      text,
  payload          jsonb not null,
  state            text not null default 'pending' check (state in ('pending', 'delivered', 'orphan')),
  deliveries       int not null default 0,
  received_at      timestamptz not null default now(),
  delivered_at     timestamptz
);
create unique index provider_events_key_uq on provider_events (provider, event_key);
create index provider_events_pending_idx on provider_events (received_at) where state = 'pending';

create table dnc_numbers (
  org_id     uuid not null references organizations (id) on delete cascade,
  phone_e164 text not null,
  reason     text,
  source     text not null default 'api',
  created_at timestamptz not null default now(),
  primary key (org_id, phone_e164)
);
