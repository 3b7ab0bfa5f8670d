-- An organisation's default contact limits for its CUSTOM batches and their waves that set no contactPolicy of their
-- own: the JSON of the domain's PolicySettings (limits and gaps only, stricter than the CUSTOM baseline), null for none.

alter table organizations add column custom_contact_policy jsonb;
