-- Structured extraction: per-organization extractors (named, versioned JSON-Schema operators) and their results.

create table extractors (
  id         bigserial primary key,
  org_id     uuid not null references organizations (id) on delete cascade,
  name       text not null check (name ~ '^[a-z][a-z0-9_]{1,62}$'),
  enabled    boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (org_id, name)
);

-- versions are immutable: a change is a new version, so every stored extraction names the schema it followed
create table extractor_versions (
  extractor_id bigint not null references extractors (id) on delete cascade,
  version      int not null check (version >= 1),
  description  text not null,
  instructions text not null,
  json_schema  jsonb not null,
  created_by   uuid,
  created_at   timestamptz not null default now(),
  primary key (extractor_id, version)
);

create table extractions (
  id                bigserial primary key,
  org_id            uuid not null,
  audio_id          uuid not null references audios (id) on delete cascade,
  extractor         text not null,
  extractor_version int not null,
  status            text not null check (status in ('ok', 'invalid', 'failed', 'skipped')),
  result            jsonb,
  provider          text,
  model             text,
  error             text,
  answers           int not null default 0,
  created_at        timestamptz not null default now(),
  unique (audio_id, extractor, extractor_version)
);
create index extractions_org_audio on extractions (org_id, audio_id);
