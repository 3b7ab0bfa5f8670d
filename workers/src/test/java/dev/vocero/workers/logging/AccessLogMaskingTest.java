package dev.vocero.workers.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AccessLogMaskingTest {

  @Test
  void givenNumbersInThePathOrQuery_itShouldMaskThemAndLeaveIdsTimesAndSizesAlone() {
    assertEquals("127.0.0.1 - - [07/Dec/2026:02:47:09 +0000] \"DELETE /api/v1/dnc/+57300•••4560 HTTP/1.1\" 204 0 12345678",
        AccessLogMasking.mask(
            "127.0.0.1 - - [07/Dec/2026:02:47:09 +0000] \"DELETE /api/v1/dnc/+573001234560 HTTP/1.1\" 204 0 12345678"));
    assertEquals("x \"GET /api/v1/messages?phone=+57300•••4560&page=2 HTTP/1.1\" 200",
        AccessLogMasking.mask("x \"GET /api/v1/messages?phone=%2B573001234560&page=2 HTTP/1.1\" 200"));
    assertEquals("x \"DELETE /api/v1/dnc/57300•••4560 HTTP/1.1\" 204",
        AccessLogMasking.mask("x \"DELETE /api/v1/dnc/573001234560 HTTP/1.1\" 204"));
    String uuid = "x \"GET /api/v1/batches/0b7e4c1a-1b2c-4d5e-8f90-123456789012/calls HTTP/1.1\" 200";
    assertEquals(uuid, AccessLogMasking.mask(uuid));
  }
}
