package dev.vocero.workflows.alerts;

import java.util.UUID;

public record DeliveryGiveUp(UUID orgId, UUID deliveryId, String reason) {}
