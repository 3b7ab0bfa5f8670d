package dev.vocero.activities.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SpeechConfigTest {

  // a plain mapper, without the jsr310 module, fails on unknown properties just like Dropwizard's
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void givenNothing_whenCreated_itShouldUseTheDocumentedDefaults() {
    SpeechConfig config = new SpeechConfig();

    assertEquals("none", config.providerId());
    assertEquals(Duration.ofSeconds(10), config.getConnectTimeout());
    assertEquals(Duration.ofMinutes(10), config.getRequestTimeout());
    assertEquals(20L * 1024 * 1024, config.getGeminiInlineLimitBytes());
    assertNull(config.getTemperature());
    assertNull(config.resolvedBaseUrl());
  }

  @Test
  void givenEachProvider_whenResolving_itShouldDefaultBaseUrlAndModel() {
    SpeechConfig config = new SpeechConfig();
    config.setProvider("openai");
    assertEquals("https://api.openai.com", config.resolvedBaseUrl());
    assertEquals("whisper-1", config.resolvedModel());
    config.setProvider("gemini");
    assertEquals("https://generativelanguage.googleapis.com", config.resolvedBaseUrl());
    assertEquals("gemini-2.5-flash", config.resolvedModel());
    config.setProvider("whisper-cpp");
    assertEquals("http://127.0.0.1:8080", config.resolvedBaseUrl());
    config.setBaseUrl("http://stt.internal:9000//");
    assertEquals("http://stt.internal:9000", config.resolvedBaseUrl());
  }

  @Test
  void givenConfigJson_whenBinding_itShouldParseTimeoutStringsAndNumbers() throws Exception {
    SpeechConfig config = MAPPER.readValue("""
        {"provider":"openai","baseUrl":"http://localhost:8000","apiKey":"sk-local","model":"Systran/faster-whisper-small",
         "language":"es","connectTimeout":"5s","requestTimeout":"15m","geminiInlineLimitBytes":1048576,
         "temperature":0.2}""", SpeechConfig.class);

    assertEquals(Duration.ofSeconds(5), config.getConnectTimeout());
    assertEquals(Duration.ofMinutes(15), config.getRequestTimeout());
    assertEquals("Systran/faster-whisper-small", config.resolvedModel());
    assertEquals(1_048_576, config.getGeminiInlineLimitBytes());
    assertEquals(0.2, config.getTemperature());
    assertEquals(Duration.ofSeconds(30),
        MAPPER.readValue("{\"connectTimeout\":30}", SpeechConfig.class).getConnectTimeout());
    assertEquals(Duration.ofMillis(1500),
        MAPPER.readValue("{\"connectTimeout\":\"PT1.5S\"}", SpeechConfig.class).getConnectTimeout());
    assertEquals(Duration.ofMillis(250),
        MAPPER.readValue("{\"requestTimeout\":\"250ms\"}", SpeechConfig.class).getRequestTimeout());
    assertEquals(Duration.ofHours(1),
        MAPPER.readValue("{\"requestTimeout\":\"1h\"}", SpeechConfig.class).getRequestTimeout());
  }

  @Test
  void givenAnUnreadableTimeout_whenBinding_itShouldNameTheKey() {
    JsonMappingException e = assertThrows(JsonMappingException.class,
        () -> MAPPER.readValue("{\"requestTimeout\":\"ten minutes\"}", SpeechConfig.class));

    assertTrue(e.getMessage().contains("speech.requestTimeout"), e.getMessage());
  }

  @Test
  void givenAnApiKey_whenDescribedOrSerialised_itShouldNeverShowIt() throws Exception {
    SpeechConfig config = new SpeechConfig();
    config.setProvider("gemini");
    config.setApiKey("AIzaSECRETSECRETSECRET");

    assertEquals("provider=gemini baseUrl=https://generativelanguage.googleapis.com model=gemini-2.5-flash "
        + "language=auto apiKey=set maxUploadBytes=15716352 chunkSeconds=600", config.describe());
    assertFalse(config.toString().contains("SECRET"));
    assertFalse(MAPPER.writeValueAsString(config).contains("SECRET"));
  }
}
