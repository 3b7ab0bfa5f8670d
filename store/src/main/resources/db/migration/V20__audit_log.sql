-- Who changed what, when and from where. Append-only: the trigger refuses UPDATE and DELETE, so neither the
-- application nor a mistaken script can rewrite history. No foreign keys: the trail outlives what it describes.
create table audit_log (
  id          bigserial primary key,
  at          timestamptz not null default now(),
  org_id      uuid,
  actor_type  text not null check (actor_type in ('user', 'api_key', 'anonymous')),
  actor_id    uuid,
  actor_label text,
  action      text not null,
  object_type text,
  object_id   text,
  changes     jsonb,
  status      int not null,
  client_ip   text
);
create index audit_log_org_at_idx on audit_log (org_id, at desc, id desc);
create index audit_log_org_object_idx on audit_log (org_id, object_type, object_id);
create index audit_log_org_actor_idx on audit_log (org_id, actor_id);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();
