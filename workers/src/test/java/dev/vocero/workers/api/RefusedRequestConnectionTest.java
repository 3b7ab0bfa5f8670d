package dev.vocero.workers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.store.TestDatabase;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A request refused before its body is read (401, 403, 404 from a filter) must not cost the client its
 * keep-alive connection. Clients send the headers and the body in separate writes; when the refusal is
 * answered before the body arrives, Jetty alone would close the connection, and a client that already put
 * it back in its pool fails its next request with "header parser received no bytes".
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RefusedRequestConnectionTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, () -> "http://127.0.0.1:9");

  private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 (\\d{3})");

  @Test
  void givenAPostRefusedBeforeItsBodyArrives_itShouldKeepTheConnectionForTheNextRequest() throws Exception {
    String body = "{\"name\":\"late_body\",\"description\":\"d\",\"instructions\":\"i\",\"schema\":{\"type\":\"object\"}}";
    try (Socket socket = new Socket("127.0.0.1", APP.getLocalPort())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/v1/extractors HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer not-a-token\r\n"
          + "Content-Type: application/json\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
          + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread.sleep(500);
      out.write(body.getBytes(StandardCharsets.UTF_8));
      out.write("GET /api/v1/extractors HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();

      String answers = readUntilClosed(socket.getInputStream());
      Matcher statuses = STATUS_LINE.matcher(answers);
      assertEquals(true, statuses.find(), answers);
      assertEquals("401", statuses.group(1), answers);
      assertFalse(answers.substring(0, answers.indexOf("\r\n\r\n")).toLowerCase().contains("connection: close"),
          "the refusal keeps the connection open:\n" + answers);
      assertEquals(true, statuses.find(), "a second answer on the same connection:\n" + answers);
    }
  }

  @Test
  void givenAnAddressOverJettysLimit_itShouldAnswer414InJsonAndSayTheConnectionCloses() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", APP.getLocalPort())) {
      socket.setSoTimeout(5_000);
      socket.getOutputStream().write(("GET /api/v1/audios?page=" + "9".repeat(20_000) + " HTTP/1.1\r\nHost: localhost"
          + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      String answer = readUntilClosed(socket.getInputStream());
      assertTrue(answer.startsWith("HTTP/1.1 414"), answer);
      assertTrue(answer.contains("\"code\":\"uri_too_long\""), answer);
      assertTrue(answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase().contains("connection: close"),
          "Jetty drops the connection after it; a client must know not to reuse it:\n" + answer);
    }
  }

  private static String readUntilClosed(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) != -1; ) {
        all.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException | java.net.SocketException stopped) {
      // whatever arrived is the answer
    }
    return all.toString(StandardCharsets.UTF_8);
  }
}
