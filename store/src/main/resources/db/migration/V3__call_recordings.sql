-- Call recordings become audios: provider events can be recording callbacks, and an audio can come from a call.

alter table provider_events add column kind text not null default 'status' check (kind in ('status', 'recording'));
alter table provider_events add column recording_id text;
alter table provider_events add column recording_url text;

alter table audios add column source text not null default 'upload' check (source in ('upload', 'call'));
alter table audios add column call_attempt_id uuid references call_attempts (id) on delete set null;
-- one audio per recorded attempt: a retried download or a replayed workflow finds the audio already made
create unique index audios_call_attempt_uq on audios (call_attempt_id) where call_attempt_id is not null;
