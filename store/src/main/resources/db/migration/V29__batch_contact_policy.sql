-- A batch's own contact limits on top of its jurisdiction's policy (stricter only, or an administrator's audited
-- override with its reason): the JSON of the domain's PolicySettings, null when the batch uses the policy as it is.

alter table call_batches add column contact_policy jsonb;
