-- Campaigns: batches run over days inside a schedule, with a daily quota and a daily roll-up.

create table campaigns (
  id            uuid primary key,
  org_id        uuid not null references organizations (id) on delete cascade,
  name          text not null,
  state         text not null check (state in ('draft', 'scheduled', 'running', 'paused', 'completed', 'cancelled')),
  start_date    date not null,
  end_date      date not null,
  weekdays      text[] not null,
  window_start  time not null,
  window_end    time not null,
  time_zone     text not null,
  daily_quota   int not null default 0 check (daily_quota >= 0),
  started_total int not null default 0,
  created_by    uuid references users (id) on delete set null,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  scheduled_at  timestamptz,
  ended_at      timestamptz,
  check (end_date >= start_date),
  check (window_end > window_start)
);
create index campaigns_org_created_idx on campaigns (org_id, created_at desc, id);

create table campaign_batches (
  campaign_id uuid not null references campaigns (id) on delete cascade,
  org_id      uuid not null,
  batch_id    uuid not null references call_batches (id) on delete cascade,
  added_at    timestamptz not null default now(),
  primary key (campaign_id, batch_id)
);
-- a batch belongs to at most one campaign: two campaigns must not pause and resume the same batch
create unique index campaign_batches_batch_uq on campaign_batches (batch_id);

create table campaign_days (
  campaign_id             uuid not null references campaigns (id) on delete cascade,
  org_id                  uuid not null,
  day                     date not null,
  calls_started           int not null default 0,
  calls_finished          int not null default 0,
  finished_by_disposition jsonb not null default '{}',
  recorded_at             timestamptz not null default now(),
  primary key (campaign_id, day)
);
