-- Automatic replies to inbound SMS/WhatsApp by the organisation's assistant, and why a conversation was taken over.

create table auto_reply_settings (
  org_id              uuid primary key references organizations (id) on delete cascade,
  enabled             boolean not null default false,
  instructions        text not null default '',
  history_messages    int not null default 12 check (history_messages between 1 and 50),
  max_replies_per_day int not null default 5 check (max_replies_per_day between 1 and 100),
  handoff_keywords    jsonb not null default '["asesor", "humano", "agente", "persona", "operador"]',
  updated_by          uuid references users (id) on delete set null,
  updated_at          timestamptz not null default now()
);

-- automatic: written by the assistant; in_reply_to: the inbound message it answers (one reply per inbound message);
-- sent_by: the operator who wrote it by hand.
alter table messages add column automatic boolean not null default false;
alter table messages add column sent_by uuid references users (id) on delete set null;
alter table messages add column in_reply_to uuid references messages (id) on delete set null;
create index messages_auto_reply_idx on messages (org_id, phone_e164, created_at) where automatic;

-- operator (a person took it), requested_by_customer (a handoff keyword), requested_by_assistant (the model handed off)
alter table conversation_takeovers add column reason text not null default 'operator';

-- An inbound message belongs to the organisations that wrote to or called its number: look those up by number.
create index messages_phone_idx on messages (phone_e164, created_at) where direction = 'outbound';
create index call_attempts_phone_idx on call_attempts (phone_e164, created_at);
