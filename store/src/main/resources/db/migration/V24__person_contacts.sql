-- The contact gate's ledger: every decision taken for a person (allow, wait, block) on any channel, with the policy
-- rule that took it. Allowed rows are the person's contacts, counted by the policy; a row lock on the person makes
-- the decision and its row one atomic step across concurrent batches and waves.

create table person_contacts (
  id             bigserial primary key,
  org_id         uuid not null references organizations (id) on delete cascade,
  person_id      bigint not null references persons (id) on delete cascade,
  channel        text not null check (channel in ('call', 'sms', 'whatsapp')),
  decision       text not null check (decision in ('allow', 'wait', 'block')),
  rule_id        text not null,
  policy         text not null,
  reason         text,
  outcome        text not null default 'reserved',
  not_before     timestamptz,
  batch_id       uuid,
  wave_id        uuid,
  contact_id     bigint,
  attempt_id     uuid,
  message_id     uuid,
  phone_masked   text,
  at             timestamptz not null
);
create index person_contacts_person_idx on person_contacts (person_id, at);
create unique index person_contacts_attempt_uq on person_contacts (attempt_id) where attempt_id is not null;
create unique index person_contacts_message_uq on person_contacts (message_id) where message_id is not null;

alter table call_attempts add column rule_id text;
alter table call_decisions add column rule_id text;
alter table messages add column rule_id text;
