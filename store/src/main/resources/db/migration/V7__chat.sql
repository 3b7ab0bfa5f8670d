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

-- The question's terms in one configuration, as tsquery text: any of them ('any'), or any two of them together ('two'),
-- a "minimum should match" of 2 that keeps common words from matching half the table. A word that is a stop word
-- in either language is dropped first, so "the" or "el" never becomes a term through the other language's stemmer.
create function vocero_question_terms(config regconfig, question text, mode text) returns text
  language sql immutable parallel safe
  return (
    with words as (
      select string_agg(w, ' ') as kept
      from regexp_split_to_table(question, '\s+') as w
      where to_tsvector('vocero_es', w) <> ''::tsvector and to_tsvector('vocero_en', w) <> ''::tsvector),
    terms as (
      select '''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || '''' as term, n
      from words, unnest(tsvector_to_array(to_tsvector(config, coalesce(words.kept, '')))) with ordinality as t(lexeme, n))
    select case mode
      when 'any' then (select string_agg(term, ' | ') from terms)
      else coalesce(
        (select string_agg(a.term || ' & ' || b.term, ' | ') from terms a join terms b on a.n < b.n),
        (select string_agg(term, ' | ') from terms))
    end);

-- Search both languages: a question may be asked in either, and audios of both may answer it. 'all' is
-- websearch syntax (every term, "quoted phrases", -exclusions).
create function vocero_search_query(question text, mode text) returns tsquery
  language sql immutable parallel safe
  return case mode
    when 'all' then websearch_to_tsquery('vocero_es', question) || websearch_to_tsquery('vocero_en', question)
    else cast(coalesce(vocero_question_terms('vocero_es', question, mode), '') as tsquery)
      || cast(coalesce(vocero_question_terms('vocero_en', question, mode), '') as tsquery)
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
