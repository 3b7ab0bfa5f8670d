-- The AI agent a batch hands its answered calls to (stream or SIP), as validated by the API; null = the batch script.
alter table call_batches add column agent jsonb;
