-- A campaign's own contact limits, applied to every batch it runs and to its SMS/WhatsApp waves before the batch's own
-- (stricter only, or an administrator's audited override with its reason): the JSON of the domain's PolicySettings,
-- null when the campaign adds nothing to its batches' policies.

alter table campaigns add column contact_policy jsonb;
