package dev.vocero.workers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A small real-HTTP client for the API tests: JSON in, JSON out, multipart uploads. Every response is checked against
 * the application's own OpenAPI document ({@link OpenApiContract}).
 */
public final class ApiClient {
  public static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  public ApiClient(int port) {
    this.base = "http://localhost:" + port;
  }

  public record Reply(int status, JsonNode body, HttpResponse<byte[]> raw) {
    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public String code() {
      return body == null || body.get("code") == null ? null : body.get("code").asText();
    }
  }

  public Reply send(String method, String path, String token, Object json) {
    return send(method, path, token, json, Map.of());
  }

  public Reply send(String method, String path, String token, Object json, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    headers.forEach(request::header);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(write(json)));
    }
    return exchange(request.build());
  }

  /** Any body with its own content type (form posts, raw text, signed provider callbacks); null body sends none. */
  public Reply sendRaw(String method, String path, String token, String contentType, byte[] body,
      Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    headers.forEach(request::header);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    return exchange(request.build());
  }

  /** A Twilio-style form callback to {@code path}, signed with {@code authToken} over this server's URL as Twilio does. */
  public Reply twilioCallback(String path, Map<String, String> params, String authToken) {
    String form = params.entrySet().stream().map(e -> java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"));
    return sendRaw("POST", path, null, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8),
        Map.of("X-Twilio-Signature", dev.vocero.domain.telephony.TwilioSignatures.sign(authToken, base + path, params)));
  }

  public Reply get(String path, String token) {
    return send("GET", path, token, null);
  }

  public Reply post(String path, String token, Object json) {
    return send("POST", path, token, json);
  }

  /** multipart/form-data with an optional file part named {@code fileField} and text fields. */
  public Reply upload(String path, String token, String fileField, String filename, byte[] content, Map<String, String> fields) {
    return upload(path, token, fileField, filename, content, fields, Map.of());
  }

  /** The same with extra headers (an Idempotency-Key); each call draws a new boundary, as real clients do. */
  public Reply upload(String path, String token, String fileField, String filename, byte[] content,
      Map<String, String> fields, Map<String, String> headers) {
    String boundary = "vocero-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach((k, v) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n"));
    if (fileField != null) {
      write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + filename
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
      body.writeBytes(content);
      write(body, "\r\n");
    }
    write(body, "--" + boundary + "--\r\n");
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    headers.forEach(request::header);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return exchange(request.build());
  }

  /**
   * Polls {@code GET /api/v1/audios/{id}} until the audio is {@code completed} and returns it; fails the test when
   * it fails or the timeout passes.
   */
  public JsonNode awaitCompletedAudio(String id, String token, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      JsonNode audio = get("/api/v1/audios/" + id, token).body();
      String status = audio.get("status").asText();
      if (status.equals("completed")) {
        return audio;
      }
      if (status.equals("failed")) {
        throw new AssertionError("audio " + id + " failed: " + audio.get("failureReason"));
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("audio " + id + " did not complete within " + timeout);
  }

  /**
   * Announces a body of {@code contentLength} bytes but sends only the headers, then reads the answer: a
   * server that refuses oversize uploads must answer before reading the body. (java.net.http cannot do
   * this: it writes the whole body before it reads a response.)
   */
  public String announceUpload(String path, String token, long contentLength) {
    try (java.net.Socket socket = new java.net.Socket("localhost", URI.create(base).getPort())) {
      socket.setSoTimeout(10_000);
      String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
          + "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: " + contentLength + "\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      java.io.InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buffer = new byte[1024];
      for (int n; !completeResponse(answer.toString(StandardCharsets.UTF_8)) && (n = in.read(buffer)) != -1; ) {
        answer.write(buffer, 0, n);
      }
      return answer.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean completeResponse(String text) {
    int end = text.indexOf("\r\n\r\n");
    java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(text);
    return end > 0 && length.find() && text.length() - end - 4 >= Integer.parseInt(length.group(1));
  }

  /** Registers a new organization and returns its admin, logged in. */
  public Session registerAndLogin(String organization) {
    String email = "admin-" + UUID.randomUUID() + "@example.com";
    String password = "correct horse battery";
    Reply reg = post("/api/v1/auth/register", null,
        Map.of("email", email, "password", password, "name", "Ana Admin", "organization", organization));
    if (reg.status() != 201) {
      throw new AssertionError("register failed: " + reg.status() + " " + reg.body());
    }
    return login(email, password);
  }

  /** A new member of the admin's organization with the {@code operator} role, logged in. */
  public Session operatorOf(Session admin) {
    String email = "operator-" + UUID.randomUUID() + "@example.com";
    Reply invited = post("/api/v1/users", admin.accessToken(),
        Map.of("email", email, "password", "long enough pw", "name", "Op", "role", "operator"));
    if (invited.status() != 201) {
      throw new AssertionError("adding an operator failed: " + invited.status() + " " + invited.body());
    }
    return login(email, "long enough pw");
  }

  /** The platform operator named in test-vocero.yml (auth.platformOperators), registered on first use. */
  public Session platformOperator() {
    String email = "ops@vocero.test";
    String password = "platform operator pw";
    Reply reg = post("/api/v1/auth/register", null,
        Map.of("email", email, "password", password, "name", "Ops", "organization", "Vocero Plataforma"));
    if (reg.status() != 201 && reg.status() != 409) {
      throw new AssertionError("register failed: " + reg.status() + " " + reg.body());
    }
    return login(email, password);
  }

  /** The organization the session's user belongs to. */
  public UUID organizationId(Session session) {
    return UUID.fromString(get("/api/v1/auth/me", session.accessToken()).body().at("/user/organizationId").asText());
  }

  /** Tops up the session's organization as the platform operator (organization admins may not). */
  public Reply topup(Session of, long amount, String note) {
    return post("/api/v1/platform/organizations/" + organizationId(of) + "/topup", platformOperator().accessToken(),
        Map.of("amount", amount, "note", note));
  }

  /** Turns credit enforcement on or off for the session's organization, as the platform operator. */
  public Reply enforceCredits(Session of, boolean enforced) {
    return send("PUT", "/api/v1/platform/organizations/" + organizationId(of) + "/enforcement",
        platformOperator().accessToken(), Map.of("enforced", enforced));
  }

  public Session login(String email, String password) {
    Reply login = post("/api/v1/auth/login", null, Map.of("email", email, "password", password));
    if (login.status() != 200) {
      throw new AssertionError("login failed: " + login.status() + " " + login.body());
    }
    return new Session(email, password, login.body().get("accessToken").asText(), login.body().get("refreshToken").asText());
  }

  public record Session(String email, String password, String accessToken, String refreshToken) {}

  /** Uploads the rows as an xlsx with these settings to {@code path}: the batches' endpoint or its dry run. */
  public Reply uploadSheet(String path, Session who, List<List<String>> rows, String settings) {
    try {
      return upload(path, who.accessToken(), "file", "lista.xlsx", CallFixtures.workbook(rows),
          Map.of("settings", settings));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new batch of these rows; returns its id. */
  public String createBatch(Session who, List<List<String>> rows, String settings) {
    return created(uploadSheet("/api/v1/batches", who, rows, settings), "batch");
  }

  /** A new campaign; returns its id. */
  public String createCampaign(Session who, Map<String, Object> body) {
    return created(post("/api/v1/campaigns", who.accessToken(), body), "campaign");
  }

  private static String created(Reply reply, String what) {
    if (reply.status() != 201) {
      throw new AssertionError("creating a " + what + " failed: " + reply.status() + " " + reply.body());
    }
    return reply.body().get("id").asText();
  }

  /** Reads {@code path} every 200 ms until the condition holds and returns it; fails the test after the timeout. */
  public JsonNode await(String path, String token, Predicate<JsonNode> condition, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    JsonNode last = null;
    while (Instant.now().isBefore(deadline)) {
      last = get(path, token).body();
      if (condition.test(last)) {
        return last;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("not reached within " + timeout + " at " + path + ": " + last);
  }

  private Reply exchange(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      OpenApiContract.assertConforms(base, request.method(), request.uri(), response);
      JsonNode body = null;
      String type = response.headers().firstValue("Content-Type").orElse("");
      if (type.contains("json") && response.body().length > 0) {
        body = JSON.readTree(response.body());
      }
      return new Reply(response.statusCode(), body, response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String write(Object json) {
    try {
      return json instanceof String s ? s : JSON.writeValueAsString(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
