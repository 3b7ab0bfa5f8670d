package dev.vocero.workers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every endpoint's body is limited while it streams: declared or chunked, JSON, webhook or upload. */
@ExtendWith(DropwizardExtensionsSupport.class)
class BodyLimitTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP = TestStack.app(DB, TestStack::temporalTarget,
      () -> "http://127.0.0.1:9"); // uploads.maxBytes 1 MiB, maxRequestBytes 1 MiB (the default)

  /** Sends the head, then up to {@code bodyBytes} of body in 64 KiB chunks, and reads whatever answer comes. */
  private static String send(String head, long bodyBytes, boolean chunked) throws IOException {
    try (Socket socket = new Socket("localhost", APP.getLocalPort())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) ' ');
      try {
        for (long sent = 0; sent < bodyBytes; sent += chunk.length) {
          if (chunked) {
            out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          }
          out.write(chunk);
          if (chunked) {
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          }
        }
        if (chunked) {
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
      } catch (IOException closedByServer) {
        // the server answered and closed before taking the whole body: that is the point
      }
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      try {
        for (int n; (n = in.read(buffer)) != -1 && !answer.toString(StandardCharsets.UTF_8).contains("}"); ) {
          answer.write(buffer, 0, n);
        }
      } catch (IOException reset) {
        // a reset after the answer was read
      }
      return answer.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void givenOversizeBodies_declaredOrChunked_itShouldAnswer413WithoutKeepingThem() throws Exception {
    String token = new ApiClient(APP.getLocalPort()).registerAndLogin("Límites").accessToken();
    long fiveMiB = 5L * 1024 * 1024;

    String declared = send("POST /webhooks/twilio/voice/status HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 3000000000\r\n\r\n", 0, false);
    assertTrue(declared.startsWith("HTTP/1.1 413"), declared);
    assertTrue(declared.contains("\"code\":\"body_too_large\""), declared);

    String chunkedWebhook = send("POST /webhooks/retell HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", fiveMiB, true);
    assertTrue(chunkedWebhook.startsWith("HTTP/1.1 413"), chunkedWebhook);

    String chunkedJson = send("POST /api/v1/campaigns HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
        + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", fiveMiB, true);
    assertTrue(chunkedJson.startsWith("HTTP/1.1 413"), chunkedJson);
    assertTrue(chunkedJson.contains("\"code\":\"body_too_large\""), chunkedJson);

    String chunkedUpload = send("POST /api/v1/audios HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
        + "\r\nContent-Type: multipart/form-data; boundary=xyz\r\nTransfer-Encoding: chunked\r\n\r\n", fiveMiB, true);
    assertTrue(chunkedUpload.startsWith("HTTP/1.1 413"), chunkedUpload);
    assertTrue(chunkedUpload.contains("\"code\":\"file_too_large\""), chunkedUpload);

    int stored = DB.jdbi().withHandle(h -> h.createQuery("select (select count(*) from provider_events)"
        + " + (select count(*) from campaigns) + (select count(*) from audios)").mapTo(Integer.class).one());
    assertEquals(0, stored);
  }

  /**
   * A client that sends a declared oversize body whole before reading (Java's HttpClient, curl without
   * {@code Expect: 100-continue}) must still read the 413: the server takes and discards the rest of the body up to a
   * cap instead of closing the connection while bytes are still arriving, which resets it and loses the answer.
   */
  @Test
  void givenADeclaredOversizeBodySentWhole_theClientShouldStillReadThe413() throws Exception {
    int threeMiB = 3 * 1024 * 1024;
    byte[] body = new byte[threeMiB];
    java.util.Arrays.fill(body, (byte) 'x');
    for (int i = 0; i < 10; i++) {
      try (Socket socket = new Socket("localhost", APP.getLocalPort())) {
        socket.setSoTimeout(20_000);
        OutputStream out = socket.getOutputStream();
        out.write(("PUT /api/v1/campaigns/x HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Content-Length: " + threeMiB + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(answer.startsWith("HTTP/1.1 413"), "try " + i + ": " + answer);
        assertTrue(answer.contains("\"code\":\"body_too_large\""), "try " + i + ": " + answer);
      }
    }
  }

  /** The same through Java's HttpClient on a pooled connection, as the generated sweep meets it. */
  @Test
  void givenAPooledConnection_anOversizeBodyShouldStillBeAnswered413() {
    ApiClient api = new ApiClient(APP.getLocalPort());
    byte[] body = new byte[3 * 1024 * 1024];
    java.util.Arrays.fill(body, (byte) 'x');
    for (int i = 0; i < 30; i++) {
      assertEquals(401, api.get("/api/v1/campaigns/x?page=" + i, null).status());
      assertEquals(413, api.sendRaw("PUT", "/api/v1/campaigns/x", null, "application/json", body,
          java.util.Map.of()).status(), "try " + i);
    }
  }
}
