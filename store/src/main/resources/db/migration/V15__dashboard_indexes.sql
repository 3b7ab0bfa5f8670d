-- Indexes for the dashboard's "today" blocks: each reads one organization's rows of one day by a timestamp, so the
-- timestamp comes right after org_id. Partial where only some rows can match.

create index call_attempts_org_placed_idx on call_attempts (org_id, placed_at) where placed_at is not null;
create index call_attempts_org_ended_idx on call_attempts (org_id, ended_at) where status = 'ended';
create index messages_org_created_idx on messages (org_id, created_at) where direction = 'outbound';
create index audios_org_completed_idx on audios (org_id, completed_at) where completed_at is not null;
