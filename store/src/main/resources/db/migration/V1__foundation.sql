-- Accounts, audios, transcripts and opportunities. Every customer row carries org_id.

create table organizations (
  id         uuid primary key,
  name       text not null,
  created_at timestamptz not null default now()
);

create table users (
  id            uuid primary key,
  org_id        uuid not null references organizations (id) on delete cascade,
  email         text not null,
  name          text not null,
  role          text not null check (role in ('admin', 'operator', 'viewer')),
  password_hash text not null,
  active        boolean not null default true,
  created_at    timestamptz not null default now()
);
create unique index users_email_uq on users (lower(email));
create index users_org_idx on users (org_id);

-- Refresh tokens rotate: each use marks the row used and issues a sibling in the same family.
-- A used token presented again revokes the whole family (token theft detection).
create table refresh_tokens (
  id         uuid primary key,
  org_id     uuid not null references organizations (id) on delete cascade,
  user_id    uuid not null references users (id) on delete cascade,
  family_id  uuid not null,
  token_hash text not null unique,
  expires_at timestamptz not null,
  used_at    timestamptz,
  revoked_at timestamptz,
  created_at timestamptz not null default now()
);
create index refresh_tokens_family_idx on refresh_tokens (family_id);
create index refresh_tokens_user_idx on refresh_tokens (user_id);

create table audios (
  id                 uuid primary key,
  org_id             uuid not null references organizations (id) on delete cascade,
  title              text,
  original_filename  text,
  content_type       text not null,
  size_bytes         bigint not null,
  sha256             text not null,
  blob_key           text not null,
  requested_language text,
  language           text,
  duration_ms        bigint,
  status             text not null check (status in ('queued', 'transcribing', 'analyzing', 'completed', 'failed', 'cancelled')),
  failure_reason     text,
  speech_provider    text,
  created_by         uuid references users (id) on delete set null,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  completed_at       timestamptz
);
create index audios_org_created_idx on audios (org_id, created_at desc, id);
create index audios_org_status_idx on audios (org_id, status);
create index audios_org_sha_idx on audios (org_id, sha256);
create index audios_unfinished_idx on audios (status) where status in ('queued', 'transcribing', 'analyzing');

create table transcript_segments (
  audio_id   uuid not null references audios (id) on delete cascade,
  org_id     uuid not null,
  idx        int not null,
  start_ms   bigint not null,
  end_ms     bigint not null,
  speaker    text,
  text       text not null,
  confidence real,
  primary key (audio_id, idx)
);

create table opportunity_keywords (
  id         bigserial primary key,
  org_id     uuid not null references organizations (id) on delete cascade,
  keyword    text not null,
  topic      text not null,
  priority   text not null check (priority in ('low', 'medium', 'high')),
  variants   text[] not null default '{}',
  language   text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index opportunity_keywords_uq on opportunity_keywords (org_id, lower(keyword));

create table opportunities (
  id           bigserial primary key,
  org_id       uuid not null,
  audio_id     uuid not null references audios (id) on delete cascade,
  keyword      text not null,
  matched_text text not null,
  topic        text not null,
  priority     text not null,
  segment_idx  int not null,
  start_ms     bigint not null,
  end_ms       bigint not null,
  text_before  text not null,
  text_after   text not null,
  created_at   timestamptz not null default now()
);
create index opportunities_audio_idx on opportunities (audio_id);
create index opportunities_org_topic_idx on opportunities (org_id, topic);
