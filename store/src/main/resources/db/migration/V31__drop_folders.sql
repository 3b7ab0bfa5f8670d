-- Drop folders: a file is claimed by (folder, name, size, mtime) before it is imported, so two processes polling one
-- folder never import it twice. The claim outlives the file (moved to done/ or error/); a new file with the same name
-- has another mtime or size and is claimed anew.
create table drop_folder_claims (
  folder      text not null,
  file_name   text not null,
  size_bytes  bigint not null,
  modified_ms bigint not null,
  claimed_at  timestamptz not null default now(),
  primary key (folder, file_name, size_bytes, modified_ms)
);

-- What a drop folder creates is attributed to the folder, a system actor (no user, no key).
alter table audit_log drop constraint audit_log_actor_type_check;
alter table audit_log add constraint audit_log_actor_type_check
  check (actor_type in ('user', 'api_key', 'anonymous', 'system'));
