-- Optional PII redaction of transcripts, per organization (off by default), and what was replaced per audio.
alter table organizations add column pii_redaction boolean not null default false;
-- ISO 3166 region for phone numbers written without a country code; null finds only +international numbers.
alter table organizations add column pii_phone_region text check (pii_phone_region ~ '^[A-Z]{2}$');
-- {"email": 1, "phone": 2, ...} when the transcript was redacted; null when redaction was off.
alter table audios add column redactions jsonb;
