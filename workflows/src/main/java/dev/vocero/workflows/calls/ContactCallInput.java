package dev.vocero.workflows.calls;

import java.util.UUID;

/**
 * Start input of {@link ContactCallWorkflow}. {@code resumed}: its batch was started again from PostgreSQL (after
 * {@code vocero dev} restarted), so the contact may already have attempts to go on from; false for every contact of a
 * batch that never lost its workflows, which then skips that read.
 */
public record ContactCallInput(UUID orgId, UUID batchId, long contactId, BatchSettings settings, boolean resumed) {

  public ContactCallInput(UUID orgId, UUID batchId, long contactId, BatchSettings settings) {
    this(orgId, batchId, contactId, settings, false);
  }
}
