-- Messages are charged on the organization's credits: the SMS segments a message is priced on (our GSM-7/UCS-2 count
-- of the rendered body, replaced by the provider's num_segments once it has accepted the message; null for WhatsApp).
-- The holds and charges themselves are credit_ledger lines whose reference is the message id.

alter table messages add column segments int check (segments is null or segments >= 0);
