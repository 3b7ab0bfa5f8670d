-- The question's distinct lexemes in both configurations, stop words of either language dropped as in
-- vocero_question_terms: TranscriptSearch counts how many segments hold each one and filters by the rarest.
create function vocero_question_lexemes(question text) returns text[]
  language sql immutable parallel safe
  return (
    with words as (
      select coalesce(string_agg(w, ' '), '') as kept
      from regexp_split_to_table(question, '\s+') as w
      where to_tsvector('vocero_es', w) <> ''::tsvector and to_tsvector('vocero_en', w) <> ''::tsvector)
    select tsvector_to_array(to_tsvector('vocero_es', kept) || to_tsvector('vocero_en', kept)) from words);
