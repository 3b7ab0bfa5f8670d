-- Business events out: an outbox of events (webhook_events) written by triggers in the SAME transaction as the fact
-- (an attempt's outcome, a batch's end, a message's status, an audio's completion, a campaign's pause or day), fanned
-- out at once to the organization's subscribed webhooks as pending deliveries that the dispatcher hands to the durable
-- WebhookDelivery workflow. alert.raised keeps its own path (the audio workflow starts its deliveries).

create table webhook_events (
  id          uuid primary key,
  org_id      uuid not null references organizations (id) on delete cascade,
  type        text not null,
  occurred_at timestamptz not null,
  data        jsonb not null,
  created_at  timestamptz not null default now()
);
create index webhook_events_org_idx on webhook_events (org_id, created_at desc, id);

-- A replay is a new delivery of the same event: the (webhook, event) pair is unique among first deliveries only.
alter table webhook_deliveries add column replay_of uuid references webhook_deliveries (id) on delete set null;
-- true until the dispatcher has started the delivery's workflow (alert.raised deliveries are started by their audio)
alter table webhook_deliveries add column needs_dispatch boolean not null default false;
alter table webhook_deliveries drop constraint webhook_deliveries_webhook_id_event_id_key;
create unique index webhook_deliveries_first_uq on webhook_deliveries (webhook_id, event_id) where replay_of is null;
create index webhook_deliveries_dispatch_idx on webhook_deliveries (created_at) where needs_dispatch;

-- The one rule of domain.phones.MaskedPhone: "+57300•••4567".
create function vocero_masked_phone(e164 text) returns text language sql immutable as $$
  select case when e164 is null or length(e164) < 8 then '•••'
              else left(e164, length(e164) - 7) || '•••' || right(e164, 4) end
$$;

-- Stores the event once (by id) and, only the first time, queues one delivery per enabled subscribed webhook.
create function vocero_emit_event(p_id uuid, p_org uuid, p_type text, p_occurred timestamptz, p_data jsonb)
returns void language plpgsql as $$
begin
  insert into webhook_events (id, org_id, type, occurred_at, data) values (p_id, p_org, p_type, p_occurred, p_data)
    on conflict (id) do nothing;
  if found then
    insert into webhook_deliveries (id, org_id, webhook_id, event_id, event_type, needs_dispatch)
      select gen_random_uuid(), p_org, w.id, p_id, p_type, true from outbound_webhooks w
       where w.org_id = p_org and w.enabled and p_type = any (w.event_types)
      on conflict do nothing;
  end if;
end
$$;

-- call.completed: an attempt's outcome is recorded (status becomes 'ended'); one event per attempt.
create function vocero_call_completed() returns trigger language plpgsql as $$
begin
  perform vocero_emit_event(md5('call.completed:' || new.id)::uuid, new.org_id, 'call.completed',
    coalesce(new.ended_at, now()), jsonb_build_object(
      'batchId', new.batch_id,
      'attemptId', new.id,
      'attemptNumber', new.attempt_number,
      'contactId', new.contact_id,
      'contactRow', (select c.row_number from contacts c where c.id = new.contact_id),
      'phone', vocero_masked_phone(new.phone_e164),
      'disposition', new.disposition,
      'answeredBy', new.answered_by,
      'durationSeconds', new.duration_seconds,
      'audioId', new.audio_id,
      'placedAt', new.placed_at,
      'endedAt', coalesce(new.ended_at, now())));
  return null;
end
$$;
create trigger call_attempts_completed_event after update of status on call_attempts for each row
  when (new.status = 'ended' and old.status is distinct from 'ended') execute function vocero_call_completed();

-- batch.completed: a batch reaches an end state (completed, cancelled or failed); one event per batch.
create function vocero_batch_completed() returns trigger language plpgsql as $$
begin
  perform vocero_emit_event(md5('batch.completed:' || new.id)::uuid, new.org_id, 'batch.completed',
    coalesce(new.completed_at, now()), jsonb_build_object(
      'batchId', new.id,
      'name', new.name,
      'status', new.status,
      'contacts', new.contacts_count,
      'rejectedRows', new.rejected_count,
      'started', new.started,
      'finished', new.finished,
      'finishedByDisposition', coalesce((select jsonb_object_agg(k, v) from (select coalesce(final_disposition, 'pending') k,
          count(*) v from contacts where batch_id = new.id group by 1) d), '{}'::jsonb),
      'completedAt', coalesce(new.completed_at, now())));
  return null;
end
$$;
create trigger call_batches_completed_event after update of status on call_batches for each row
  when (new.status in ('completed', 'cancelled', 'failed') and old.status not in ('completed', 'cancelled', 'failed'))
  execute function vocero_batch_completed();

-- message.status: an outbound message moves to another state; one event per message and state (states only move on).
create function vocero_message_status() returns trigger language plpgsql as $$
begin
  perform vocero_emit_event(md5('message.status:' || new.id || ':' || new.state)::uuid, new.org_id, 'message.status',
    now(), jsonb_build_object(
      'messageId', new.id,
      'waveId', new.wave_id,
      'contactId', new.contact_id,
      'channel', new.channel,
      'phone', vocero_masked_phone(new.phone_e164),
      'status', new.state,
      'previousStatus', old.state,
      'errorCode', new.error_code));
  return null;
end
$$;
create trigger messages_status_event after update of state on messages for each row
  when (new.direction = 'outbound' and new.state is distinct from old.state) execute function vocero_message_status();

-- audio.completed: an audio's processing completes (again after a reprocess: a new event), with its extractions.
create function vocero_audio_completed() returns trigger language plpgsql as $$
begin
  perform vocero_emit_event(gen_random_uuid(), new.org_id, 'audio.completed', coalesce(new.completed_at, now()),
    jsonb_build_object(
      'audioId', new.id,
      'title', new.title,
      'language', new.language,
      'durationMs', new.duration_ms,
      'callAttemptId', new.call_attempt_id,
      'extractions', coalesce((select jsonb_agg(jsonb_build_object('extractor', e.extractor,
          'version', e.extractor_version, 'status', e.status, 'result', e.result) order by e.extractor, e.extractor_version)
          from extractions e where e.audio_id = new.id), '[]'::jsonb),
      'completedAt', coalesce(new.completed_at, now())));
  return null;
end
$$;
create trigger audios_completed_event after update of status on audios for each row
  when (new.status = 'completed' and old.status is distinct from 'completed') execute function vocero_audio_completed();

-- campaign.paused: a campaign moves to 'paused' (by an operator, reason null, or by itself, e.g. no_credit).
create function vocero_campaign_paused() returns trigger language plpgsql as $$
begin
  perform vocero_emit_event(gen_random_uuid(), new.org_id, 'campaign.paused', now(), jsonb_build_object(
      'campaignId', new.id,
      'name', new.name,
      'reason', coalesce(new.pause_reason, 'operator'),
      'pausedAt', now()));
  return null;
end
$$;
create trigger campaigns_paused_event after update of state on campaigns for each row
  when (new.state = 'paused' and old.state is distinct from 'paused') execute function vocero_campaign_paused();

-- campaign.day_completed: the campaign records a day's roll-up when its calling window closes; one event per day.
create function vocero_campaign_day_completed() returns trigger language plpgsql as $$
begin
  perform vocero_emit_event(md5('campaign.day_completed:' || new.campaign_id || ':' || new.day)::uuid, new.org_id,
    'campaign.day_completed', new.recorded_at, jsonb_build_object(
      'campaignId', new.campaign_id,
      'day', new.day,
      'callsStarted', new.calls_started,
      'callsFinished', new.calls_finished,
      'finishedByDisposition', new.finished_by_disposition,
      'messagesSent', new.messages_sent,
      'messagesByStatus', new.messages_by_status));
  return null;
end
$$;
create trigger campaign_days_completed_event after insert on campaign_days for each row
  execute function vocero_campaign_day_completed();
