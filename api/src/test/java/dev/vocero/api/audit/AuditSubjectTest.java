package dev.vocero.api.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditSubjectTest {
  final UUID org = UUID.randomUUID();

  @Test
  void givenRoutes_itShouldNameActionObjectAndRow() {
    AuditSubject pause = AuditSubject.of("POST", "/api/v1/campaigns/{id}/pause", Map.of("id", "c1"), org);
    assertEquals("campaigns.pause", pause.action());
    assertEquals("campaigns", pause.objectType());
    assertEquals("c1", pause.objectId());
    assertEquals("campaigns", pause.table().name());

    assertEquals("campaigns.create", AuditSubject.of("POST", "/api/v1/campaigns", Map.of(), org).action());
    assertEquals("alert-rules.update", AuditSubject.of("PUT", "/api/v1/alert-rules/{id}", Map.of("id", "r"), org).action());
    assertEquals("batches.pace.update", AuditSubject.of("PATCH", "/api/v1/batches/{id}/pace", Map.of("id", "b"), org).action());
    assertEquals("dnc.import", AuditSubject.of("POST", "/api/v1/dnc/import", Map.of(), org).action());
    assertNull(AuditSubject.of("POST", "/api/v1/dnc/import", Map.of(), org).table(), "a bulk change has no one row");

    AuditSubject wave = AuditSubject.of("POST", "/api/v1/messages/waves/{id}/cancel", Map.of("id", "w"), org);
    assertEquals("messages.waves.cancel", wave.action());
    assertEquals("message_waves", wave.table().name());

    AuditSubject organization = AuditSubject.of("PATCH", "/api/v1/organization", Map.of(), org);
    assertEquals(org.toString(), organization.objectId(), "the caller's own organization");
    assertNull(AuditSubject.of("POST", "/webhooks/twilio/voice/status", Map.of(), org), "provider callbacks are not API changes");
  }
}
