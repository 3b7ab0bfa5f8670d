-- Persons: the contacts of an organisation that are one human being, across batches, waves and campaigns. A person's
-- key is a hash (never the document itself) of a document id, else an explicit person/account key, else the row.
-- Contacts imported before this migration get a person of their own when the contact gate first meets them.

create table persons (
  id         bigserial primary key,
  org_id     uuid not null references organizations (id) on delete cascade,
  key_kind   text not null check (key_kind in ('document', 'key', 'row')),
  key_hash   text not null,
  created_at timestamptz not null default now(),
  unique (org_id, key_hash)
);

alter table contacts add column person_kind text check (person_kind in ('document', 'key', 'row'));
alter table contacts add column person_hash text;
alter table contacts add column person_id bigint references persons (id) on delete set null;
create index contacts_person_idx on contacts (person_id) where person_id is not null;
