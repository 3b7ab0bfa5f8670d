-- Messages (SMS, WhatsApp): waves that send one template to many contacts, every outbound and inbound message,
-- the provider's status callbacks (once each), and the human-takeover flag of a conversation.

create table message_waves (
  id                uuid primary key,
  org_id            uuid not null references organizations (id) on delete cascade,
  name              text not null,
  channel           text not null check (channel in ('sms', 'whatsapp')),
  body              text,
  content_sid       text,
  content_variables jsonb,
  source_batch_id   uuid not null references call_batches (id) on delete cascade,
  disposition       text,
  per_minute        int not null check (per_minute between 1 and 6000),
  status            text not null check (status in ('running', 'paused', 'completed', 'cancelled')),
  sent              int not null default 0,
  skipped           int not null default 0,
  failed            int not null default 0,
  created_by        uuid references users (id) on delete set null,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  completed_at      timestamptz,
  check (body is not null or content_sid is not null)
);
create index message_waves_org_created_idx on message_waves (org_id, created_at desc, id);

create table messages (
  id                uuid primary key,
  org_id            uuid not null references organizations (id) on delete cascade,
  wave_id           uuid references message_waves (id) on delete cascade,
  contact_id        bigint references contacts (id) on delete set null,
  phone_e164        text not null,
  channel           text not null check (channel in ('sms', 'whatsapp')),
  direction         text not null check (direction in ('outbound', 'inbound')),
  body              text,
  content_sid       text,
  content_variables jsonb,
  provider          text,
  provider_sid      text,
  state             text not null check (state in
                      ('pending', 'processing', 'sent', 'delivered', 'read', 'failed', 'cancelled', 'received')),
  error_code        text,
  send_attempts     int not null default 0,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  sent_at           timestamptz,
  delivered_at      timestamptz,
  read_at           timestamptz
);
create unique index messages_provider_sid_uq on messages (provider, provider_sid);
create index messages_org_phone_idx on messages (org_id, phone_e164, created_at, id);
create index messages_org_state_idx on messages (org_id, state, created_at desc);
create index messages_wave_idx on messages (wave_id, state);

-- Status callbacks, stored once per (provider, MessageSid:MessageStatus): a redelivery is a no-op.
create table message_events (
  id          bigserial primary key,
  provider    text not null,
  event_key   text not null,
  message_id  uuid references messages (id) on delete cascade,
  status      text not null,
  error_code  text,
  payload     jsonb not null,
  received_at timestamptz not null default now()
);
create unique index message_events_key_uq on message_events (provider, event_key);

create table conversation_takeovers (
  org_id     uuid not null references organizations (id) on delete cascade,
  phone_e164 text not null,
  taken_by   uuid references users (id) on delete set null,
  taken_at   timestamptz not null default now(),
  primary key (org_id, phone_e164)
);
