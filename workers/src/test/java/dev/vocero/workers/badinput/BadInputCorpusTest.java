package dev.vocero.workers.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vocero.domain.telephony.RetellSignatures;
import dev.vocero.domain.telephony.TwilioSignatures;
import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus: every case in {@code src/test/resources/bad-input/*.yaml} sent to the real application.
 * Each must get its status and error code, the {@code {code,message,details}} shape on every 4xx, and never a 5xx.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class BadInputCorpusTest {
  static final String RETELL_KEY = "key_retell_corpus_0123456789";
  static final String TWILIO_TOKEN = "sandbox-auth-token";
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP = TestStack.app(DB, TestStack::temporalTarget,
      () -> "http://127.0.0.1:9", ConfigOverride.config("telephony.retell.apiKey", RETELL_KEY));
  static final Path CORPUS = Path.of("src", "test", "resources", "bad-input");

  static ApiClient api;
  static CorpusFixtures fixtures;

  @BeforeAll
  static void setUp() {
    api = new ApiClient(APP.getLocalPort());
    fixtures = CorpusFixtures.create(api, DB.jdbi());
  }

  static Stream<CorpusCase> cases() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<CorpusCase> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(CORPUS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        for (JsonNode node : yaml.readTree(file.toFile())) {
          all.add(read(yaml, file.getFileName().toString(), node));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void givenABadRequest_itShouldAnswerItsStatusAndCodeAndNeverA5xx(CorpusCase c) {
    for (int i = 0; i < Math.max(1, c.repeat()); i++) {
      Reply reply = send(c);
      String seen = c + " (send " + (i + 1) + ") -> " + reply.status() + " " + reply.body();
      assertTrue(reply.status() < 500, "a 5xx: " + seen);
      assertEquals(c.status(), reply.status(), seen);
      if (reply.status() >= 400) {
        assertErrorShape(reply, seen);
        if (c.code() != null) {
          assertEquals(c.code(), reply.code(), seen);
        }
      }
      if (c.check() != null) {
        check(c.check(), reply, seen);
      }
    }
  }

  private static void assertErrorShape(Reply reply, String seen) {
    JsonNode body = reply.body();
    assertTrue(body != null && body.isObject(), "a JSON error object: " + seen);
    assertTrue(body.path("code").isTextual() && !body.get("code").asText().isBlank(), "code: " + seen);
    assertTrue(body.path("message").isTextual() && !body.get("message").asText().isBlank(), "message: " + seen);
    assertTrue(body.path("details").isArray(), "details: " + seen);
    for (JsonNode detail : body.get("details")) {
      assertTrue(detail.path("field").isTextual() && detail.path("code").isTextual(), "detail shape: " + seen);
    }
  }

  private static Reply send(CorpusCase c) {
    String token = fixtures.token(c.as() == null ? "admin" : c.as());
    String path = fixtures.fill(c.path());
    Map<String, String> headers = new HashMap<>();
    if (c.headers() != null) {
      c.headers().forEach((k, v) -> headers.put(k, fixtures.fill(v)));
    }
    if (c.upload() != null) {
      return upload(c.upload(), path, token);
    }
    String contentType = c.contentType();
    byte[] body = null;
    Map<String, String> form = null;
    if (c.json() != null) {
      body = bytes(fixtures.fill(c.json().isTextual() ? c.json().asText() : c.json().toString()));
      contentType = contentType == null ? "application/json" : contentType;
    } else if (c.raw() != null) {
      body = bytes(fixtures.fill(c.raw()));
      contentType = contentType == null ? "application/json" : contentType;
    } else if (c.form() != null) {
      form = new TreeMap<>();
      for (Map.Entry<String, String> e : c.form().entrySet()) {
        form.put(e.getKey(), fixtures.fill(e.getValue()));
      }
      body = bytes(form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
          .collect(Collectors.joining("&")));
      contentType = contentType == null ? "application/x-www-form-urlencoded" : contentType;
    }
    if (c.sign() != null) {
      sign(c.sign(), path, form, body == null ? "" : new String(body, StandardCharsets.UTF_8), headers);
    }
    return api.sendRaw(c.method(), path, token, contentType, body, headers);
  }

  private static void sign(String how, String path, Map<String, String> form, String body, Map<String, String> headers) {
    String url = "http://localhost:" + APP.getLocalPort() + path;
    Map<String, String> params = form == null ? Map.of() : form;
    switch (how) {
      case "twilio" -> headers.put("X-Twilio-Signature", TwilioSignatures.sign(TWILIO_TOKEN, url, params));
      case "twilio-wrong-token" -> headers.put("X-Twilio-Signature", TwilioSignatures.sign("guessed-token", url, params));
      case "twilio-other-url" -> headers.put("X-Twilio-Signature",
          TwilioSignatures.sign(TWILIO_TOKEN, url + (url.contains("?") ? "&" : "?") + "replayed=1", params));
      case "twilio-other-params" -> {
        Map<String, String> other = new TreeMap<>(params);
        other.put("CallDuration", "9999");
        headers.put("X-Twilio-Signature", TwilioSignatures.sign(TWILIO_TOKEN, url, other));
      }
      case "retell" -> headers.put("x-retell-signature", RetellSignatures.sign(RETELL_KEY, body, Instant.now()));
      case "retell-wrong-key" -> headers.put("x-retell-signature", RetellSignatures.sign("key_guessed", body, Instant.now()));
      case "retell-stale" -> headers.put("x-retell-signature",
          RetellSignatures.sign(RETELL_KEY, body, Instant.now().minusSeconds(3600)));
      case "retell-future" -> headers.put("x-retell-signature",
          RetellSignatures.sign(RETELL_KEY, body, Instant.now().plusSeconds(3600)));
      case "retell-other-body" -> headers.put("x-retell-signature",
          RetellSignatures.sign(RETELL_KEY, body + " ", Instant.now()));
      default -> throw new IllegalArgumentException("unknown signature " + how);
    }
  }

  private static Reply upload(CorpusCase.Upload upload, String path, String token) {
    byte[] content = upload.generate() != null
        ? HostileFiles.generate(upload.generate(), upload.text() == null ? "" : fixtures.fill(upload.text()))
        : upload.text() == null ? null : bytes(fixtures.fill(upload.text()));
    Map<String, String> fields = new HashMap<>();
    if (upload.fields() != null) {
      upload.fields().forEach((k, v) -> fields.put(k, fixtures.fill(v)));
    }
    String field = content == null ? null : upload.field() == null ? "file" : upload.field();
    return api.upload(path, token, field, upload.filename(), content, fields);
  }

  private static void check(String check, Reply reply, String seen) {
    switch (check) {
      case "report-without-formulas" -> {
        String id = reply.body().get("id").asText();
        Reply report = api.get("/api/v1/batches/" + id + "/report.xlsx", fixtures.token("admin"));
        assertEquals(200, report.status(), seen);
        List<String> texts = reportTexts(report.raw().body(), seen);
        assertTrue(texts.stream().anyMatch(t -> t.contains("HYPERLINK")), "the hostile name is kept as text: " + texts);
      }
      case "no-file-contents" -> assertFalse(String.valueOf(reply.body()).contains("root:"), "XXE resolved: " + seen);
      default -> throw new IllegalArgumentException("unknown check " + check);
    }
  }

  /** Every cell's text; fails on any formula cell. */
  private static List<String> reportTexts(byte[] xlsx, String seen) {
    List<String> texts = new ArrayList<>();
    try (InputStream in = new ByteArrayInputStream(xlsx); XSSFWorkbook book = new XSSFWorkbook(in)) {
      for (Sheet sheet : book) {
        for (Row row : sheet) {
          for (Cell cell : row) {
            assertTrue(cell.getCellType() != CellType.FORMULA,
                "a formula in the report at " + sheet.getSheetName() + "!" + cell.getAddress() + ": " + seen);
            if (cell.getCellType() == CellType.STRING) {
              texts.add(cell.getStringCellValue());
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return texts;
  }

  private static CorpusCase read(ObjectMapper yaml, String file, JsonNode n) {
    try {
      return new CorpusCase(file, text(n, "name"), text(n, "as"), text(n, "method"), text(n, "path"),
          map(yaml, n.get("headers")), n.get("json"), text(n, "raw"), text(n, "contentType"), map(yaml, n.get("form")),
          n.has("upload") ? yaml.treeToValue(n.get("upload"), CorpusCase.Upload.class) : null, text(n, "sign"),
          n.path("repeat").asInt(1), n.path("status").asInt(), text(n, "code"), text(n, "check"));
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + n, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> map(ObjectMapper yaml, JsonNode node) {
    return node == null ? null : yaml.convertValue(node, Map.class);
  }

  private static String text(JsonNode n, String field) {
    return n.hasNonNull(field) ? n.get(field).asText() : null;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
