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
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated sweep: every operation of the served {@code /openapi.json}, sent generated invalid input (malformed ids,
 * bad query values, bodies with NUL, wrong types, huge values, missing or null required fields, non-object or non-JSON
 * bodies) with a valid admin token. No answer may be a 5xx, every 4xx has the {@code {code,message,details}} shape and
 * conforms to the document, and no table gains or loses a row. Each try sends every operation once; the inputs come
 * from a seeded generator, so a failure names its seed and try and reproduces (see docs/errors.md to rerun with
 * another seed: {@code -Dsweep.seed=N}).
 */
class OpenApiSweepTest {
  static final long SEED = Long.getLong("sweep.seed", 20261207L);
  static final int TRIES = 8;
  /** Operations whose side effect is the point even with a bad body: logging out revokes the sweep's own token. */
  static final List<String> SKIPPED = List.of("POST /api/v1/auth/logout");

  static TestDatabase db;
  static DropwizardAppExtension<VoceroConfiguration> app;
  static ApiClient api;
  static String token;
  static List<Operation> operations;

  @BeforeAll
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

  @AfterAll
  static void stop() {
    if (app != null) {
      app.after();
    }
  }

  static Stream<Mutation> mutations() {
    return IntStream.range(0, TRIES).mapToObj(tryNumber -> mutation(new Random(SEED * 31 + tryNumber)));
  }

  @ParameterizedTest(name = "try {index}")
  @MethodSource("mutations")
  void givenInvalidInput_everyOperationShouldAnswer4xxInTheErrorShapeAndStoreNothing(Mutation m) {
    Map<String, Long> before = rowCounts(db.jdbi());
    List<String> failures = new ArrayList<>();
    String previous = "(none)"; // a connection closed by one answer fails the next request on it
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
        failures.add(request + " -> " + e.getMessage().lines().limit(3).collect(Collectors.joining(" "))
            + " (after " + previous + ")");
      }
      previous = request;
    }
    assertTrue(failures.isEmpty(), failures.size() + " operations failed (seed " + SEED + "):\n"
        + String.join("\n", failures));
    assertEquals(before, rowCounts(db.jdbi()), "rows were stored or removed by invalid requests (seed " + SEED + ")");
  }

  /** One try's invalid inputs, drawn from {@code random}: the same seed gives the same requests. */
  static Mutation mutation(Random random) {
    String badId = switch (random.nextInt(3)) {
      case 0 -> pick(random, Mutation.fixedBadIds());
      case 1 -> "x" + text(random, 1 + random.nextInt(40), "abcdefghijklmnopqrstuvwxyz0123456789-_ñ");
      default -> new UUID(random.nextLong(), random.nextLong()).toString(); // well-formed, unknown
    };
    String badQuery = switch (random.nextInt(3)) {
      case 0 -> pick(random, List.of("abc", "-1", "0", "1e309", "99999999999999999999", "", "\u0000", "true", "[]",
          "{}"));
      case 1 -> anyText(random, 1 + random.nextInt(30));
      default -> "9".repeat(1_000 + random.nextInt(3_001));
    };
    JsonNode root = switch (random.nextInt(4)) {
      case 0 -> ApiClient.JSON.getNodeFactory().numberNode(random.nextInt());
      case 1 -> ApiClient.JSON.getNodeFactory().textNode(anyText(random, random.nextInt(21)));
      case 2 -> ApiClient.JSON.valueToTree(IntStream.range(0, random.nextInt(6))
          .mapToObj(i -> anyText(random, random.nextInt(6))).toList());
      default -> ApiClient.JSON.getNodeFactory().booleanNode(random.nextBoolean());
    };
    String notJson = random.nextBoolean() ? "{\"" + anyText(random, 1 + random.nextInt(30))
        : pick(random, List.of("<xml/>", "name=x&email=y", "{'a':1}", "[1,2", "\u0000\u0001", "{\"a\":1}}"));
    return new Mutation(badId, badQuery, anyText(random, random.nextInt(13)), 5_000 + random.nextInt(295_001), root,
        notJson, random.nextInt(Mutation.Kind.values().length));
  }

  private static String pick(Random random, List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static String text(Random random, int length, String alphabet) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  /** Any characters, including controls, NUL, surrogate-free non-ASCII and JSON/URL metacharacters. */
  private static String anyText(Random random, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      int c = switch (random.nextInt(4)) {
        case 0 -> random.nextInt(0x20);
        case 1 -> 0x20 + random.nextInt(0x5f);
        case 2 -> 0xa0 + random.nextInt(0x2000);
        default -> "\"\\{}[]%&?#/<>'ñ€".charAt(random.nextInt(16));
      };
      out.append((char) c);
    }
    return out.toString();
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
