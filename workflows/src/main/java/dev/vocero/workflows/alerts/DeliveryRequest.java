package dev.vocero.workflows.alerts;

import java.util.UUID;

public record DeliveryRequest(UUID orgId, UUID deliveryId) {}
