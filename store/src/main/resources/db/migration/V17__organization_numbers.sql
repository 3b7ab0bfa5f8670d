-- The phone numbers (E.164) an organization calls and messages from; each belongs to one organization. An inbound
-- message is routed by the number it was sent to: to that number's organization only. A message to a number no
-- organization owns (the platform's shared default sender) goes to the organizations without numbers of their own
-- that contacted the sender.
create table organization_numbers (
  number      text primary key check (number ~ '^\+[1-9][0-9]{6,14}$'),
  org_id      uuid not null references organizations (id) on delete cascade,
  created_at  timestamptz not null default now()
);
create index organization_numbers_org on organization_numbers (org_id, created_at, number);
