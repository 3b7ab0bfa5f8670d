package dev.vocero.domain.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExtractorSchemaRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void givenARemoteReferenceThatSkippedTheChecks_whenCompiled_itShouldRefuseWithoutFetching() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    AtomicInteger requests = new AtomicInteger();
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      byte[] body = "{\"type\":\"string\"}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      JsonNode schema = json("{\"type\":\"object\",\"properties\":{\"x\":{\"$ref\":\"http://127.0.0.1:"
          + server.getAddress().getPort() + "/s.json\"}}}");
      assertEquals("external_reference", ExtractorSchemaRules.problems(schema).get(0).code());
      assertThrows(RuntimeException.class, () -> ExtractorSchemaRules.compile(schema).validate(json("{\"x\":1}")));
      assertEquals(0, requests.get());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void givenABacktrackingPattern_whenAnAnswerIsValidated_itShouldMatchInLinearTime() throws Exception {
    JsonNode schema = json("{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"string\",\"pattern\":\"^(a+)+$\"}}}");
    assertTrue(ExtractorSchemaRules.problems(schema).isEmpty());
    // java.util.regex needs about 2^40 steps for this input; RE2 answers at once
    String evil = "{\"x\":\"" + "a".repeat(40) + "!\"}";
    assertFalse(ExtractorSchemaRules.compile(schema).validate(json(evil)).isEmpty());
    assertTrue(ExtractorSchemaRules.compile(schema).validate(json("{\"x\":\"aaa\"}")).isEmpty());
  }

  @Test
  void givenSizeAndDialectLimits_itShouldNameEachProblemWhereItIs() throws Exception {
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 3_000; i++) {
      deep.append("{\"not\":");
    }
    deep.append("{}").append("}".repeat(3_000));
    JsonNode tooDeep = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
        .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder().maxNestingDepth(10_000).build())
        .build()).readTree(deep.toString());
    var problems = ExtractorSchemaRules.problems(tooDeep);
    assertEquals(1, problems.size(), "one problem, found without recursing 3,000 levels");
    assertEquals("too_deep", problems.get(0).code());

    assertEquals("unsupported_dialect",
        ExtractorSchemaRules.problems(json("{\"$schema\":\"http://json-schema.org/draft-04/schema#\"}")).get(0).code());
    assertEquals("external_reference", ExtractorSchemaRules.problems(json("{\"$id\":\"https://evil.example/\"}")).get(0).code());
    assertEquals("$.patternProperties.(?!x)", ExtractorSchemaRules.problems(
        json("{\"patternProperties\":{\"(?!x)\":{}}}")).get(0).path());
    assertTrue(ExtractorSchemaRules.problems(json("{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\","
        + "\"type\":\"object\",\"$defs\":{\"a\":{\"type\":\"string\"}},\"properties\":{\"a\":{\"$ref\":\"#/$defs/a\"}}}"))
        .isEmpty());
  }
}
