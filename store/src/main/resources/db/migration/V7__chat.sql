-- Chat over transcripts: full-text search of transcript segments, conversations and their messages.

-- unaccent is a trusted extension (PostgreSQL 13+): the database owner may create it.
create extension if not exists unaccent;

-- Accent-insensitive Spanish and English configurations: "reembolsó" and "reembolso" meet, as do "cafe"
-- and "café". unaccent runs as a filtering dictionary before the stemmer, so stop words still apply.
create text search configuration vocero_es (copy = pg_catalog.spanish);
alter text search configuration vocero_es
  alter mapping for hword, hword_part, word with unaccent, spanish_stem;
create text search configuration vocero_en (copy = pg_catalog.english);
alter text search configuration vocero_en
  alter mapping for hword, hword_part, word with unaccent, english_stem;

-- The audio's language decides the configuration; an audio of unknown language is indexed in both.
create function vocero_segment_tsvector(language text, body text) returns tsvector
  language sql immutable parallel safe
  return case left(lower(coalesce(language, '')), 2)
    when 'es' then to_tsvector('vocero_es', body)
    when 'en' then to_tsvector('vocero_en', body)
    else to_tsvector('vocero_es', body) || to_tsvector('vocero_en', body)
  end;

-- Search both languages: a question may be asked in either, and audios of both may answer it.
create function vocero_search_query(question text, any_term boolean) returns tsquery
  language sql immutable parallel safe
  return case when any_term
    then cast(regexp_replace(cast(plainto_tsquery('vocero_es', question) as text), ' & ', ' | ', 'g') as tsquery)
         || cast(regexp_replace(cast(plainto_tsquery('vocero_en', question) as text), ' & ', ' | ', 'g') as tsquery)
    else websearch_to_tsquery('vocero_es', question) || websearch_to_tsquery('vocero_en', question)
  end;

alter table transcript_segments add column tsv tsvector;

create function transcript_segments_tsv() returns trigger language plpgsql as $$
begin
  new.tsv := vocero_segment_tsvector(
      (select coalesce(a.language, a.requested_language) from audios a where a.id = new.audio_id), new.text);
  return new;
end
$$;

create trigger transcript_segments_tsv_trg before insert or update of text on transcript_segments
  for each row execute function transcript_segments_tsv();

update transcript_segments s set tsv = vocero_segment_tsvector(coalesce(a.language, a.requested_language), s.text)
  from audios a where a.id = s.audio_id;

create index transcript_segments_tsv_idx on transcript_segments using gin (tsv);
create index transcript_segments_org_idx on transcript_segments (org_id, audio_id);

create table conversations (
  id         uuid primary key,
  org_id     uuid not null references organizations (id) on delete cascade,
  title      text,
  audio_ids  uuid[] not null default '{}',
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index conversations_org_idx on conversations (org_id, updated_at desc, id);

-- One row per question and one per answer; (conversation, turn, role) makes a retried write a no-op.
create table chat_messages (
  id              bigserial primary key,
  org_id          uuid not null references organizations (id) on delete cascade,
  conversation_id uuid not null references conversations (id) on delete cascade,
  turn            int not null,
  role            text not null check (role in ('user', 'assistant')),
  content         text not null,
  citations       jsonb not null default '[]',
  model_used      boolean,
  provider        text,
  created_at      timestamptz not null default now(),
  unique (conversation_id, turn, role)
);
create index chat_messages_org_conversation_idx on chat_messages (org_id, conversation_id, turn);
