package dev.vocero.workers.chat;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.vocero.activities.llm.LanguageModel;
import dev.vocero.activities.llm.LlmAnswer;
import dev.vocero.activities.llm.LlmRequest;
import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.SpeechStub;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.VoceroApplication;
import dev.vocero.workers.config.Mode;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Upload → transcript → conversation → question → an answer that cites the audio and time, through HTTP. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ChatWithModelEndToEndTest {
  static final List<LlmRequest> PROMPTS = new CopyOnWriteArrayList<>();
  static final TestDatabase DB = TestDatabase.fresh();
  static final WireMockServer SPEECH = new WireMockServer(wireMockConfig().dynamicPort());
  static final DropwizardAppExtension<VoceroConfiguration> APP = TestStack.app(WithCitingModel.class,
      ResourceHelpers.resourceFilePath("test-vocero.yml"), Mode.ALL, DB, TestStack::temporalTarget,
      ChatWithModelEndToEndTest::speechUrl);
  static ApiClient api;
  static Session ana;

  /** The application with a model that answers by citing the first passage it is given. */
  public static class WithCitingModel extends VoceroApplication {
    @Override
    protected LanguageModel languageModel(VoceroConfiguration config) {
      return new LanguageModel() {
        private final Pattern label = Pattern.compile("^\\[[0-9a-f-]{36} @ [0-9:]+]$", Pattern.MULTILINE);

        @Override
        public String provider() {
          return "citing-test-model";
        }

        @Override
        public LlmAnswer complete(LlmRequest request) {
          PROMPTS.add(request);
          Matcher m = label.matcher(request.messages().get(request.messages().size() - 1).content());
          String text = m.find() ? "El cliente dijo que puede pagar el viernes " + m.group() + "." : "No lo sé.";
          return new LlmAnswer(text, provider(), "test-1", 100, 20, false);
        }
      };
    }
  }

  static String speechUrl() {
    return SpeechStub.startedBaseUrl(SPEECH);
  }

  @BeforeAll
  static void login() {
    api = new ApiClient(APP.getLocalPort());
    ana = api.registerAndLogin("Cobranzas Centro");
  }

  @AfterAll
  static void stop() {
    SPEECH.stop();
  }

  @Test
  void givenATranscribedCall_whenAsked_itShouldAnswerWithCitationsOfAudioAndTime() {
    SpeechStub.answersSpanishCall(SPEECH);
    String audioId = ChatTestSupport.transcribedAudio(api, ana.accessToken(), "promesa-viernes");
    String id = api.post("/api/v1/chat/conversations", ana.accessToken(), Map.of("title", "Promesas")).body().get("id").asText();

    JsonNode answer = api.post("/api/v1/chat/conversations/" + id + "/messages", ana.accessToken(),
        Map.of("question", "¿Qué prometió pagar el cliente?")).body();

    assertTrue(answer.get("modelUsed").asBoolean(), answer.toString());
    assertEquals("citing-test-model", answer.get("provider").asText());
    assertEquals("El cliente dijo que puede pagar el viernes [" + audioId + " @ 00:00].", answer.get("answer").asText());
    JsonNode citation = answer.get("citations").get(0);
    assertEquals(audioId, citation.get("audioId").asText());
    assertEquals(0, citation.get("startMs").asLong());
    assertEquals(14_200, citation.get("endMs").asLong());
    assertEquals("Sí, puedo pagar el viernes sin falta.", citation.get("quote").asText());

    // the same model also gets the extraction requests (structured); the chat's question is free text
    String prompt = PROMPTS.stream().filter(request -> !request.structured()).findFirst().orElseThrow()
        .messages().get(0).content();
    assertTrue(prompt.contains("> \"speaker\": \"Sí, puedo pagar el viernes sin falta.\"")
        || prompt.contains(": \"Sí, puedo pagar el viernes sin falta.\""), prompt);
    JsonNode history = api.get("/api/v1/chat/conversations/" + id + "/messages", ana.accessToken()).body();
    assertEquals("citing-test-model", history.get(1).get("provider").asText());
    assertEquals(audioId, history.get(1).get("citations").get(0).get("audioId").asText());
  }
}
