package dev.vocero.api.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class AuditChangesTest {
  final ObjectMapper json = new ObjectMapper();

  @Test
  void givenTwoRows_itShouldKeepOnlyTheChangedFieldsWithoutSecretsOrFullPhones() throws Exception {
    JsonNode before = json.readTree("""
        {"id":"1","name":"Hook","secret":"s3cr3t","password_hash":"$2a","url":"https://x","to":"+573001234567","on":true}""");
    JsonNode after = json.readTree("""
        {"id":"1","name":"Hook 2","secret":"other","password_hash":"$2b","url":"https://x","to":"+573001234568","on":true}""");
    JsonNode changes = AuditChanges.between(before, after);
    assertEquals("Hook", changes.at("/before/name").asText());
    assertEquals("Hook 2", changes.at("/after/name").asText());
    assertEquals("+57300•••4567", changes.at("/before/to").asText());
    assertFalse(changes.get("before").has("secret") || changes.get("after").has("password_hash"));
    assertFalse(changes.get("after").has("url"), "unchanged");
    assertFalse(changes.toString().contains("s3cr3t") || changes.toString().contains("3001234567"));
  }

  @Test
  void givenACreationADeletionOrNoChange_itShouldSaySo() throws Exception {
    JsonNode row = json.readTree("{\"id\":\"1\",\"note\":\"llamar al +573001234567\"}");
    JsonNode created = AuditChanges.between(null, row);
    assertTrue(created.get("before").isNull());
    assertEquals("llamar al +57300•••4567", created.at("/after/note").asText());
    assertTrue(AuditChanges.between(row, null).get("after").isNull());
    assertNull(AuditChanges.between(row, row.deepCopy()));
    assertNull(AuditChanges.between(null, null));
  }
}
