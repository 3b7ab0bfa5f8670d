package dev.vocero.api.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConsolePiecesTest {
  private static final byte[] AUDIO = "0123456789".getBytes(StandardCharsets.US_ASCII);

  @Test
  void givenANextAddress_itShouldOnlyEverRedirectWithinTheSite() {
    assertEquals("/batches/1?x=2", SignInPage.safeNext("/batches/1?x=2"));
    for (String outside : new String[] {null, "", "https://evil.example", "//evil.example", "/\\evil.example",
        "batches", "/a\nb", "/" + "x".repeat(600)}) {
      assertEquals("/", SignInPage.safeNext(outside), String.valueOf(outside));
    }
  }

  @Test
  void givenRangeHeaders_itShouldServeThePartsAPlayerAsksFor() throws IOException {
    assertEquals(List.of(200, "0123456789"), served(null));
    assertEquals(List.of(206, "2345"), served("bytes=2-5"));
    assertEquals(List.of(206, "789"), served("bytes=7-"));
    assertEquals(List.of(206, "89"), served("bytes=-2"));
    assertEquals(List.of(206, "89"), served("bytes=8-1000"));
    assertEquals(416, ByteRanges.serve(this::open, AUDIO.length, "audio/wav", "bytes=10-").getStatus());
    assertEquals(416, ByteRanges.serve(this::open, AUDIO.length, "audio/wav", "bytes=5-2").getStatus());
    assertEquals(List.of(200, "0123456789"), served("bytes=0-1,4-5"), "several ranges: the whole file");
    Response part = ByteRanges.serve(this::open, AUDIO.length, "audio/wav", "bytes=2-5");
    assertEquals("bytes 2-5/10", part.getHeaderString("Content-Range"));
  }

  @Test
  void givenACookieOrTheBrowsersLanguages_itShouldChooseSpanishOrEnglish() {
    assertEquals("es", ConsoleText.choose("es", List.of(Locale.ENGLISH)));
    assertEquals("es", ConsoleText.choose(null, List.of(Locale.FRENCH, Locale.forLanguageTag("es-CO"))));
    assertEquals("en", ConsoleText.choose("fr", List.of(Locale.GERMAN)));
    assertEquals("Entrar", new ConsoleText().get("es", "signin.submit"));
    assertEquals("3 rows read: 2 can be called, 1 rejected.", new ConsoleText().get("en", "check.summary", 3, 2, 1));
  }

  @Test
  void givenBothLanguages_theyShouldHaveTheSameWords() throws IOException {
    assertEquals(keys("en"), keys("es"));
  }

  @Test
  void givenTheNewBatchForm_itShouldBecomeTheApisSettingsJson() {
    ObjectMapper json = new ObjectMapper();
    assertEquals("{\"name\":\"Lote\",\"jurisdiction\":\"CUSTOM\",\"defaultRegion\":\"CO\",\"callsPerSecond\":2.5,"
            + "\"maxConcurrentCalls\":\"muchas\",\"customWindows\":[\"MON-FRI 09:00-18:00\",\"SAT 09:00-12:00\"]}",
        new BatchForm(" Lote ", "CUSTOM", "MON-FRI 09:00-18:00\n\n SAT 09:00-12:00 ", "CO", "2,5", "muchas", "", null)
            .settingsJson(json));
    assertEquals("{\"jurisdiction\":\"CO\"}", new BatchForm("", "CO", "MON 09:00-10:00", null, null, null, null,
        new PolicyForm(" ", null, null, null, null, null, " ", "")).settingsJson(json), "blank policy fields add nothing");
    assertEquals("{\"jurisdiction\":\"CL\",\"contactPolicy\":{\"callsPerWeek\":1,\"minHoursBetweenCalls\":\"dos\","
            + "\"windows\":[\"MON-FRI 09:00-18:00\",\"SAT 09:00-12:00\"],\"override\":{\"reason\":\"convenio\"}}}",
        new BatchForm("", "CL", null, null, null, null, null, new PolicyForm(null, "1", null, null, "dos", null,
            "MON-FRI 09:00-18:00; SAT 09:00-12:00", " convenio ")).settingsJson(json),
        "the policy fields become the API's contactPolicy; a text where a number belongs stays text");
  }

  private List<Object> served(String range) throws IOException {
    Response response = ByteRanges.serve(this::open, AUDIO.length, "audio/wav", range);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ((StreamingOutput) response.getEntity()).write(out);
    return List.of(response.getStatus(), out.toString(StandardCharsets.US_ASCII));
  }

  private InputStream open() {
    return new ByteArrayInputStream(AUDIO);
  }

  private static java.util.Set<Object> keys(String lang) throws IOException {
    Properties words = new Properties();
    try (InputStream in = ConsolePiecesTest.class.getResourceAsStream("/console/messages_" + lang + ".properties")) {
      words.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return new java.util.TreeSet<>(words.keySet());
  }
}
