package dev.vocero.api.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChatCampaignPiecesTest {
  private static final UUID ID = UUID.fromString("3f0c9a52-1111-4222-8333-444455556666");
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void givenAWebUiUrl_itShouldLinkEachObjectToItsWorkflow() {
    WorkflowLinks links = new WorkflowLinks("http://localhost:8233/", "cobranzas prod");
    String base = "http://localhost:8233/namespaces/cobranzas%20prod/workflows/";
    assertEquals(base + "audio%3A" + ID, links.recording(ID));
    assertEquals(base + "batch%3A" + ID, links.batch(ID));
    assertEquals(base + "campaign%3A" + ID, links.campaign(ID));
  }

  @Test
  void givenNoWebUiUrl_itShouldLinkNothing() {
    for (String none : new String[] {null, "", "  ", "javascript:alert(1)", "localhost:8233"}) {
      WorkflowLinks links = new WorkflowLinks(none, "default");
      assertNull(links.recording(ID), String.valueOf(none));
      assertNull(links.batch(ID), String.valueOf(none));
      assertNull(links.campaign(ID), String.valueOf(none));
    }
    assertNull(WorkflowLinks.none().campaign(ID));
  }

  @Test
  void givenStoredCitations_itShouldLinkEachToTheRecordingAtItsSecondAndLine() throws Exception {
    JsonNode stored = json.readTree("""
        [{"audioId":"%s","segmentIdx":1,"startMs":3400,"endMs":9800,"label":"[x @ 00:03]","quote":"Sí, puedo pagar"},
         {"audioId":"not a uuid","segmentIdx":0,"startMs":0},
         {"audioId":"%s","segmentIndex":2,"startMs":12000,"quote":"abogado"}]""".formatted(ID, ID));
    List<ChatCitation> citations = ChatCitation.of(stored);
    assertEquals(2, citations.size(), "an entry without a valid audio is left out");
    assertEquals("/recordings/" + ID + "?t=3.4&segment=1", citations.get(0).href());
    assertEquals("/recordings/" + ID + "?t=12&segment=2", citations.get(1).href());
    assertEquals(List.of(), ChatCitation.of((JsonNode) null));
  }

  @Test
  void givenTheNewCampaignForm_itShouldBuildTheApiBody() {
    CampaignForm form = new CampaignForm(" Diciembre ", "2026-12-07", "2026-12-31", List.of("MON", "", "FRI"), "08:00",
        "19:00", "America/Bogota", "50", "", "abc", List.of(ID.toString()),
        new CampaignForm.Wave("Recordatorio", "sms", ID.toString(), "Hola {{name}}", "", "30"),
        new PolicyForm(null, null, null, "1", null, null, null, null));
    assertEquals(json.createObjectNode().put("name", "Diciembre").put("startDate", "2026-12-07")
        .put("endDate", "2026-12-31").<com.fasterxml.jackson.databind.node.ObjectNode>set("weekdays",
            json.createArrayNode().add("MON").add("FRI"))
        .put("windowStart", "08:00").put("windowEnd", "19:00").put("timeZone", "America/Bogota").put("dailyQuota", 50)
        .<com.fasterxml.jackson.databind.node.ObjectNode>set("messageQuotas", json.createObjectNode().put("whatsapp", "abc"))
        .<com.fasterxml.jackson.databind.node.ObjectNode>set("batchIds", json.createArrayNode().add(ID.toString()))
        .<com.fasterxml.jackson.databind.node.ObjectNode>set("waves", json.createArrayNode().add(json.createObjectNode()
            .put("name", "Recordatorio").put("channel", "sms")
            .put("batchId", ID.toString()).put("body", "Hola {{name}}").put("perMinute", 30)))
        .set("contactPolicy", json.createObjectNode().put("messagesPerWeek", 1)).toString(),
        form.body(json).toString(), "a text where a number belongs stays text, so the validation names the field");
    CampaignForm noWave = new CampaignForm("x", null, null, null, null, null, null, null, null, null, null,
        new CampaignForm.Wave(" ", "sms", null, null, null, null), null);
    assertEquals(false, noWave.body(json).has("waves"), "a wave without a name is left out");
  }
}
