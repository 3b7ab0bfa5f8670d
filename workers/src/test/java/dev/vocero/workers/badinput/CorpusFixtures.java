package dev.vocero.workers.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.CallFixtures;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * What the corpus refers to: organisation A (admin, operator, viewer) and organisation B (admin) with one of each
 * resource, so a case can aim at B's ids with A's token. Placeholders in a case: {@code {A.batch}}, {@code {B.campaign}}
 * and the like, {@code {attempt}}, {@code {uuid}}, {@code {closedWindow}}, and the macros {@code {x*N}} (N x's),
 * {@code {deep*N}} (N nested arrays), {@code {col*N}} (N more CSV columns) and {@code {nul}} (a JSON-escaped U+0000).
 */
final class CorpusFixtures {
  private static final Pattern REPEAT = Pattern.compile("\\{(x|deep|col|ñ)\\*(\\d+)}");
  private final Map<String, String> tokens = new HashMap<>();
  private final Map<String, String> values = new HashMap<>();

  private CorpusFixtures() {}

  static CorpusFixtures create(ApiClient api, Jdbi jdbi) {
    CorpusFixtures f = new CorpusFixtures();
    f.values.put("closedWindow", closedWindow());
    f.values.put("uuid", "5b0c1f3e-0000-4000-8000-00000000c0de");
    Session adminA = api.registerAndLogin("Corpus A");
    f.tokens.put("admin", adminA.accessToken());
    f.tokens.put("operator", user(api, adminA, "operator"));
    f.tokens.put("viewer", user(api, adminA, "viewer"));
    Session adminB = api.registerAndLogin("Corpus B");
    f.tokens.put("other", adminB.accessToken());
    f.tokens.put("ops", api.platformOperator().accessToken());
    f.resources("A", api, adminA.accessToken());
    f.resources("B", api, adminB.accessToken());
    f.values.put("A.org", api.organizationId(adminA).toString());
    f.values.put("B.org", api.organizationId(adminB).toString());
    f.values.put("attempt", CallFixtures.placedAttempt(jdbi, "sandbox", "CA" + "7".repeat(32)).toString());
    f.values.put("retellAttempt", CallFixtures.placedAttempt(jdbi, "retell", "call_corpus_1").toString());
    return f;
  }

  String token(String as) {
    return as.equals("none") ? null : tokens.get(as);
  }

  String fill(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = REPEAT.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int n = Integer.parseInt(m.group(2));
      String expanded = switch (m.group(1)) {
        case "deep" -> "[".repeat(n) + "]".repeat(n);
        case "col" -> ",c".repeat(n);
        default -> m.group(1).repeat(n);
      };
      m.appendReplacement(out, Matcher.quoteReplacement(expanded));
    }
    m.appendTail(out);
    String filled = out.toString().replace("{nul}", "\\u0000");
    for (Map.Entry<String, String> v : values.entrySet()) {
      filled = filled.replace("{" + v.getKey() + "}", v.getValue());
    }
    return filled;
  }

  /** Batch settings whose only calling window is a few days away, so fixture batches place no call during the run. */
  private static String closedWindow() {
    DayOfWeek day = LocalDate.now(ZoneOffset.UTC).plusDays(3).getDayOfWeek();
    String name = day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toUpperCase(Locale.ROOT);
    return "{\"callsPerSecond\":0.01,\"maxConcurrentCalls\":1,\"maxAttempts\":1,\"jurisdiction\":\"CUSTOM\","
        + "\"customWindows\":[\"" + name + " 03:00-03:01\"],\"defaultRegion\":\"CO\"}";
  }

  private static String user(ApiClient api, Session admin, String role) {
    String email = role + "-" + UUID.randomUUID() + "@example.com";
    Reply created = api.post("/api/v1/users", admin.accessToken(),
        Map.of("email", email, "password", "long enough password", "name", role, "role", role));
    assertEquals(201, created.status(), String.valueOf(created.body()));
    return api.login(email, "long enough password").accessToken();
  }

  private void resources(String org, ApiClient api, String token) {
    Reply batch = api.upload("/api/v1/batches", token, "file", "lista.csv",
        "Nombre,Celular\nAna,3001234560\nLuis,3001234561\n".getBytes(StandardCharsets.UTF_8),
        Map.of("settings", values.get("closedWindow")));
    values.put(org + ".batch", id(batch));
    values.put(org + ".campaign", id(api.post("/api/v1/campaigns", token, """
        {"name":"Corpus","startDate":"%s","endDate":"%s","weekdays":["MON"],"windowStart":"09:00","windowEnd":"18:00",
         "timeZone":"America/Bogota","dailyQuota":10,"batchIds":[]}""".formatted(LocalDate.now(ZoneOffset.UTC),
        LocalDate.now(ZoneOffset.UTC).plusDays(30)))));
    values.put(org + ".webhook", id(api.post("/api/v1/webhooks", token, Map.of("url", "https://hooks.example.com/c"))));
    values.put(org + ".rule", id(api.post("/api/v1/alert-rules", token,
        Map.of("name", "Amenaza", "kind", "keyword", "pattern", "demanda", "severity", "high"))));
    values.put(org + ".keyword", id(api.post("/api/v1/opportunity-keywords", token,
        Map.of("keyword", "seguro", "topic", "seguros", "priority", "high"))));
    values.put(org + ".extractor", org.toLowerCase(Locale.ROOT) + "_fields");
    id(api.post("/api/v1/extractors", token, Map.of("name", org.toLowerCase(Locale.ROOT) + "_fields",
        "description", "campos", "instructions", "extrae el nombre",
        "schema", Map.of("type", "object", "properties", Map.of("nombre", Map.of("type", "string"))))));
    values.put(org + ".chat", id(api.post("/api/v1/chat/conversations", token, Map.of("title", "Corpus"))));
    values.put(org + ".wave", id(api.post("/api/v1/messages/waves", token,
        Map.of("name", "Aviso", "channel", "sms", "body", "Hola", "batchId", values.get(org + ".batch")))));
  }

  private static String id(Reply reply) {
    if (reply.status() >= 300) {
      throw new AssertionError("fixture refused: " + reply.status() + " " + reply.body());
    }
    return reply.body().has("id") ? reply.body().get("id").asText() : reply.body().path("name").asText();
  }
}
