-- Campaigns with message waves: a wave may belong to a campaign (it then waits, status 'held', until the
-- campaign's window opens), campaigns get a daily quota per message channel and a pause reason (why the
-- campaign paused itself, e.g. no_credit), waves get a pause reason, and the daily roll-up counts messages.

alter table campaigns add column message_quotas jsonb not null default '{}';
alter table campaigns add column pause_reason text;

alter table message_waves add column campaign_id uuid references campaigns (id) on delete cascade;
alter table message_waves add column pause_reason text;
alter table message_waves drop constraint message_waves_status_check;
alter table message_waves add constraint message_waves_status_check
  check (status in ('held', 'running', 'paused', 'completed', 'cancelled'));
create index message_waves_campaign_idx on message_waves (campaign_id) where campaign_id is not null;

alter table campaign_days add column messages_sent int not null default 0;
alter table campaign_days add column messages_by_status jsonb not null default '{}';
