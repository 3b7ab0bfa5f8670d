package dev.vocero.workers.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.OpenApiContract;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jdbi.v3.core.Jdbi;

/**
 * The generated sweep: every operation of the served {@code /openapi.json}, sent generated invalid input (malformed ids,
 * bad query values, bodies with NUL, wrong types, huge values, missing or null required fields, non-object or non-JSON
 * bodies) with a valid admin token. No answer may be a 5xx, every 4xx has the {@code {code,message,details}} shape and
 * conforms to the document, and no table gains or loses a row. Each try sends every operation once; the seed is fixed
 * (see docs/errors.md to rerun with another).
 */
class OpenApiSweepTest {
  static final String SEED = "20261207";
  static final int TRIES = 8;
  /** Operations whose side effect is the point even with a bad body: logging out revokes the sweep's own token. */
  static final List<String> SKIPPED = List.of("POST /api/v1/auth/logout");

  static TestDatabase db;
  static DropwizardAppExtension<VoceroConfiguration> app;
  static ApiClient api;
  static String token;
  static List<Operation> operations;

  @BeforeContainer
  static void start() throws Exception {
    db = TestDatabase.fresh();
    app = TestStack.app(db, TestStack::temporalTarget, () -> "http://127.0.0.1:9");
    app.before();
    api = new ApiClient(app.getLocalPort());
    token = api.registerAndLogin("Sweep").accessToken();
    JsonNode document = ApiClient.JSON.readTree(OpenApiContract.document("http://localhost:" + app.getLocalPort()));
    operations = Operation.all(document).stream().filter(op -> !SKIPPED.contains(op.toString())).toList();
    System.out.printf("OpenAPI sweep: %d operations, %d tries each, seed %s%n", operations.size(), TRIES, SEED);
  }

  @AfterContainer
  static void stop() {
    if (app != null) {
      app.after();
    }
  }

  @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.OFF)
  void givenInvalidInput_everyOperationShouldAnswer4xxInTheErrorShapeAndStoreNothing(@ForAll("mutations") Mutation m) {
    Map<String, Long> before = rowCounts(db.jdbi());
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < operations.size(); i++) {
      Operation op = operations.get(i);
      Mutation.Kind kind = m.kind(i);
      String request = op + " [" + kind + ", id '" + shorten(m.badId()) + "', query '" + shorten(m.badQuery()) + "']";
      try {
        Reply reply = send(op, kind, m);
        if (reply.status() >= 500) {
          failures.add(request + " -> " + reply.status() + " " + reply.body());
        } else if (reply.status() >= 400 && !errorShape(reply.body())) {
          failures.add(request + " -> " + reply.status() + " without the error shape: " + reply.body());
        }
      } catch (AssertionError | RuntimeException e) { // OpenApiContract: an answer the document does not describe
        failures.add(request + " -> " + e.getMessage().lines().limit(3).collect(Collectors.joining(" ")));
      }
    }
    assertTrue(failures.isEmpty(), failures.size() + " operations failed (seed " + SEED + "):\n"
        + String.join("\n", failures));
    assertEquals(before, rowCounts(db.jdbi()), "rows were stored or removed by invalid requests (seed " + SEED + ")");
  }

  @Provide
  Arbitrary<Mutation> mutations() {
    Arbitrary<String> badIds = Arbitraries.oneOf(Arbitraries.of(Mutation.fixedBadIds()),
        Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('-', '_', 'ñ')
            .ofMinLength(1).ofMaxLength(40).map(s -> "x" + s),
        Arbitraries.longs().tuple2().map(t -> new UUID(t.get1(), t.get2()).toString())); // well-formed, unknown
    Arbitrary<String> badQueries = Arbitraries.oneOf(
        Arbitraries.of("abc", "-1", "0", "1e309", "99999999999999999999", "", "\u0000", "true", "[]", "{}"),
        Arbitraries.strings().ofMinLength(1).ofMaxLength(30),
        Arbitraries.integers().between(1_000, 4_000).map("9"::repeat));
    Arbitrary<String> texts = Arbitraries.strings().ofMaxLength(12);
    Arbitrary<Integer> hugeLengths = Arbitraries.integers().between(5_000, 300_000);
    Arbitrary<JsonNode> roots = Arbitraries.oneOf(
        Arbitraries.integers().map(i -> (JsonNode) ApiClient.JSON.getNodeFactory().numberNode(i)),
        Arbitraries.strings().ofMaxLength(20).map(s -> (JsonNode) ApiClient.JSON.getNodeFactory().textNode(s)),
        Arbitraries.strings().ofMaxLength(5).list().ofMaxSize(5).map(l -> (JsonNode) ApiClient.JSON.valueToTree(l)),
        Arbitraries.of(true, false).map(b -> (JsonNode) ApiClient.JSON.getNodeFactory().booleanNode(b)));
    Arbitrary<String> notJson = Arbitraries.oneOf(Arbitraries.strings().ofMinLength(1).ofMaxLength(30).map(s -> "{\"" + s),
        Arbitraries.of("<xml/>", "name=x&email=y", "{'a':1}", "[1,2", "\u0000\u0001", "{\"a\":1}}"));
    Arbitrary<Integer> salts = Arbitraries.integers().between(0, Mutation.Kind.values().length - 1);
    return Combinators.combine(badIds, badQueries, texts, hugeLengths, roots, notJson, salts).as(Mutation::new);
  }

  private static Reply send(Operation op, Mutation.Kind kind, Mutation m) {
    String path = op.path();
    for (String name : op.pathParams()) {
      path = path.replace("{" + name + "}", encode(m.badId()).replace("+", "%20"));
    }
    if (!op.queryParams().isEmpty()) {
      path += "?" + op.queryParams().stream().map(q -> q + "=" + encode(m.badQuery())).collect(Collectors.joining("&"));
    }
    if (!op.hasBody()) {
      return api.sendRaw(op.method(), path, token, null, null, Map.of());
    }
    if (op.mediaType().startsWith("multipart/")) {
      return multipart(op, kind, m, path);
    }
    if (op.mediaType().equals("application/x-www-form-urlencoded")) {
      Map<String, String> form = new TreeMap<>();
      op.properties().keySet().forEach(name -> form.put(name, m.fieldValue(kind)));
      String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
          .collect(Collectors.joining("&"));
      return api.sendRaw(op.method(), path, token, op.mediaType(), bytes(body), Map.of());
    }
    return api.sendRaw(op.method(), path, token, "application/json", bytes(m.jsonBody(op, kind)), Map.of());
  }

  private static Reply multipart(Operation op, Mutation.Kind kind, Mutation m, String path) {
    Map<String, String> fields = new TreeMap<>();
    String fileField = null;
    for (Map.Entry<String, Operation.Property> property : op.properties().entrySet()) {
      if (property.getValue().file()) {
        fileField = property.getKey();
      } else if (kind != Mutation.Kind.MISSING) {
        fields.put(property.getKey(), m.fieldValue(kind));
      }
    }
    byte[] file = kind == Mutation.Kind.MISSING || fileField == null ? null : bytes(m.fieldValue(kind));
    return api.upload(path, token, file == null ? null : fileField, "sweep-" + kind + ".csv", file, fields);
  }

  private static boolean errorShape(JsonNode body) {
    if (body == null || !body.path("code").isTextual() || !body.path("message").isTextual()
        || !body.path("details").isArray()) {
      return false;
    }
    for (JsonNode detail : body.get("details")) {
      if (!detail.path("field").isTextual() || !detail.path("code").isTextual()) {
        return false;
      }
    }
    return true;
  }

  /** Rows per table of the application's schema (Flyway's own history aside). */
  static Map<String, Long> rowCounts(Jdbi jdbi) {
    return jdbi.withHandle(h -> {
      Map<String, Long> counts = new TreeMap<>();
      for (String table : h.createQuery("select table_name from information_schema.tables where table_schema = 'public'"
          + " and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'").mapTo(String.class).list()) {
        counts.put(table, h.createQuery("select count(*) from \"" + table + "\"").mapTo(Long.class).one());
      }
      return counts;
    });
  }

  private static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…(" + s.length() + " chars)";
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
