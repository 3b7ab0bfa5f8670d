package dev.vocero.workflows.alerts;

/** {@code status}: delivered, failed (refused, or retries ran out) or skipped (webhook deleted or disabled). */
public record DeliveryResult(String status) {}
