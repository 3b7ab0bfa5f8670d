package dev.vocero.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.message.internal.FormMultivaluedMapProvider;
import org.junit.jupiter.api.Test;

/** The filter's form reading must agree with Jersey's on every form it reads, and leave the others to Jersey. */
class UrlEncodedFormTest {
  private static Map<String, String> jersey(String body) throws Exception {
    MultivaluedMap<String, String> form = new FormMultivaluedMapProvider().readFrom(null, null, null,
        MediaType.APPLICATION_FORM_URLENCODED_TYPE, null, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    Map<String, String> first = new LinkedHashMap<>();
    form.forEach((name, values) -> first.put(name, values.isEmpty() ? "" : values.get(0)));
    return first;
  }

  @Test
  void givenFormsJerseyReads_itShouldReadTheSameFirstValues() throws Exception {
    for (String body : List.of("CallSid=CA1&CallStatus=ringing&To=%2B573001234560", "a=1&a=2&b=", "&&a=x+y&&",
        "=skipped&a=%C3%B1and%C3%BA", "a=%F0%9F%93%9E&b=caf\u00e9", "", "a==b&c=d=e", "x=%00")) {
      assertEquals(jersey(body), UrlEncodedForm.firstValues(body.getBytes(StandardCharsets.UTF_8)), body);
    }
  }

  @Test
  void givenANameWithoutAValueOrAMalformedEscape_itShouldLeaveTheFormToJersey() {
    assertNull(UrlEncodedForm.firstValues("CallSid=CA1&CallStatus".getBytes(StandardCharsets.UTF_8)));
    assertNull(UrlEncodedForm.firstValues("CallSid=%zz".getBytes(StandardCharsets.UTF_8)));
    assertNull(UrlEncodedForm.firstValues("Call%2".getBytes(StandardCharsets.UTF_8)));
  }
}
