-- Prepaid credits per organization. 1 credit is the price unit of the price table (by default one started
-- call-minute). balance = credits owned (top-ups minus settled charges); reserved = held for calls in flight;
-- available = balance - reserved. Organizations are only limited when credits_enforced is true.

alter table organizations add column credits_enforced boolean not null default false;
alter table call_batches add column pause_reason text;

create table credit_accounts (
  org_id     uuid primary key references organizations (id) on delete cascade,
  balance    bigint not null default 0,
  reserved   bigint not null default 0 check (reserved >= 0),
  updated_at timestamptz not null default now()
);

-- Append-only. amount is a magnitude (>= 0); kind says how it moved the account. reference is the attempt id
-- (reserve/settle/release) or the caller's idempotency key (topup): unique per kind, so a retry is a no-op.
create table credit_ledger (
  id         bigserial primary key,
  org_id     uuid not null references organizations (id) on delete cascade,
  kind       text not null check (kind in ('topup', 'reserve', 'settle', 'release', 'adjust')),
  amount     bigint not null check (amount >= 0),
  reference  text,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  note       text
);
create unique index credit_ledger_reference_uq on credit_ledger (org_id, kind, reference) where reference is not null;
create index credit_ledger_org_idx on credit_ledger (org_id, id desc);
