package dev.vocero.api.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestHashTest {

  @Test
  void givenTheSameUploadWithAnotherBoundary_itShouldHashTheSame() {
    assertEquals(hash("b1", "lista"), hash("b2-longer", "lista"));
    assertNotEquals(hash("b1", "lista"), hash("b1", "otra lista"));
  }

  @Test
  void givenAnotherPathOrBody_itShouldHashDifferently() {
    byte[] body = "{\"phone\":\"+573001234567\"}".getBytes(StandardCharsets.UTF_8);
    String dnc = RequestHash.of("api/v1/dnc", MediaType.APPLICATION_JSON_TYPE, body);
    assertEquals(dnc, RequestHash.of("api/v1/dnc", MediaType.APPLICATION_JSON_TYPE, body.clone()));
    assertNotEquals(dnc, RequestHash.of("api/v1/dnc/import", MediaType.APPLICATION_JSON_TYPE, body));
    assertNotEquals(dnc, RequestHash.of("api/v1/dnc", MediaType.APPLICATION_JSON_TYPE, "{}".getBytes(StandardCharsets.UTF_8)));
  }

  private static String hash(String boundary, String file) {
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n" + file
        + "\r\n--" + boundary + "--\r\n";
    return RequestHash.of("api/v1/batches", MediaType.valueOf("multipart/form-data; boundary=" + boundary),
        body.getBytes(StandardCharsets.UTF_8));
  }
}
