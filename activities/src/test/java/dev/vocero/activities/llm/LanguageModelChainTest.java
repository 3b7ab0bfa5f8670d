package dev.vocero.activities.llm;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.vocero.activities.llm.LlmFixtures.openai;
import static dev.vocero.activities.llm.LlmFixtures.sentimentRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LanguageModelChainTest {

  private static final String OK = "{\"label\":\"positive\",\"score\":0.5,\"reason\":null}";

  @RegisterExtension
  static WireMockExtension primary = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
  @RegisterExtension
  static WireMockExtension fallback = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final List<Duration> waits = new ArrayList<>();
  private OpenAiChatStub first;
  private OpenAiChatStub second;

  @BeforeEach
  void stubs() {
    first = new OpenAiChatStub(primary.getRuntimeInfo().getWireMock(), primary.baseUrl());
    second = new OpenAiChatStub(fallback.getRuntimeInfo().getWireMock(), fallback.baseUrl());
  }

  private static ChainSettings settings(int cacheEntries) {
    return new ChainSettings(cacheEntries, Duration.ofMinutes(5), 50, 4, 2, Duration.ofMinutes(10), 3,
        Duration.ofMillis(200), Duration.ofSeconds(10));
  }

  private LanguageModelChain chain(int cacheEntries, ProviderSettings... providers) {
    List<LanguageModel> models = new ArrayList<>();
    for (ProviderSettings p : providers) {
      models.add(new OpenAiChatModel(p));
    }
    return new LanguageModelChain(models, settings(cacheEntries), waits::add);
  }

  @Test
  void givenA429WithRetryAfter_whenCompleting_itShouldWaitWhatTheProviderAskedAndThenAnswer() {
    first.respondsInSequence(OpenAiChatStub.error(429, "2"), OpenAiChatStub.completion(OK, "gpt-4o-mini"));

    LlmAnswer answer = chain(0, openai("openai", first.baseUrl(), JsonMode.SCHEMA)).complete(sentimentRequest("hola"));

    assertEquals(OK, answer.text());
    assertEquals("openai", answer.provider());
    assertEquals(List.of(Duration.ofSeconds(2)), waits, "Retry-After: 2 honoured, once");
    assertEquals(2, first.requests().size());
  }

  @Test
  void givenARetryAfterLongerThanTheBound_whenCompleting_itShouldMoveOnToTheNextProviderWithoutWaiting() {
    first.respondsInSequence(OpenAiChatStub.error(429, "3600"));
    second.answers(OK);

    LlmAnswer answer = chain(0, openai("openai", first.baseUrl(), JsonMode.SCHEMA),
        openai("local", second.baseUrl(), JsonMode.SCHEMA)).complete(sentimentRequest("hola"));

    assertEquals("local", answer.provider());
    assertTrue(waits.isEmpty(), "an hour is past maxRetryWait: no sleeping inside the call");
    assertEquals(1, first.requests().size());
  }

  @Test
  void givenAProviderAnswering500s_whenCompleting_itShouldOpenItsBreakerAndLetTheFallbackAnswer() {
    first.respondsInSequence(OpenAiChatStub.error(500, null));
    second.answers(OK);
    LanguageModelChain chain = chain(0, openai("openai", first.baseUrl(), JsonMode.SCHEMA),
        openai("ollama", second.baseUrl(), JsonMode.SCHEMA));

    LlmAnswer answer = chain.complete(sentimentRequest("first call"));

    assertEquals("ollama", answer.provider(), "the answer says which provider answered");
    assertEquals(2, first.requests().size(), "two failed attempts open the breaker (minimum 2 calls, 50%)");
    assertEquals(List.of(Duration.ofMillis(200)), waits, "exponential backoff without Retry-After");
    assertEquals("ollama", chain.provider(), "the open provider is not the one that would answer");

    LlmAnswer next = chain.complete(sentimentRequest("second call"));

    assertEquals("ollama", next.provider());
    assertEquals(2, first.requests().size(), "an open breaker skips the provider without calling it");
    assertEquals(2, second.requests().size());
  }

  @Test
  void givenAProviderThatRefusesConnections_whenCompleting_itShouldFallBack() {
    int closedPort = freePort();
    second.answers(OK);

    LlmAnswer answer = chain(0, openai("down", "http://127.0.0.1:" + closedPort + "/v1", JsonMode.SCHEMA),
        openai("local", second.baseUrl(), JsonMode.SCHEMA)).complete(sentimentRequest("hola"));

    assertEquals("local", answer.provider());
    assertEquals(1, waits.size(), "connection refused is transient: retried once, then the second failure opened its breaker");
  }

  @Test
  void givenEveryProviderDown_whenCompleting_itShouldSayWhatEachOneDid() {
    first.respondsInSequence(OpenAiChatStub.error(503, "1"));
    second.respondsInSequence(OpenAiChatStub.error(401, null));

    LanguageModelException e = assertThrows(LanguageModelException.class, () -> chain(0,
        openai("openai", first.baseUrl(), JsonMode.SCHEMA), openai("backup", second.baseUrl(), JsonMode.SCHEMA))
        .complete(sentimentRequest("hola")));

    assertEquals(LanguageModelException.Kind.UNAVAILABLE, e.kind());
    assertEquals(Duration.ofSeconds(1), e.retryAfter());
    assertTrue(e.getMessage().contains("openai: transient") && e.getMessage().contains("backup: unauthorized"),
        e.getMessage());
    assertFalse(e.getMessage().contains(LlmFixtures.KEY));
  }

  @Test
  void givenTheSameRequestTwice_whenCompleting_itShouldAnswerTheSecondFromTheCache() {
    first.answers(OK);
    LanguageModelChain chain = chain(100, openai("openai", first.baseUrl(), JsonMode.SCHEMA));

    LlmAnswer fresh = chain.complete(sentimentRequest("hola"));
    LlmAnswer again = chain.complete(sentimentRequest("hola"));
    LlmAnswer other = chain.complete(sentimentRequest("adiós"));

    assertFalse(fresh.cached());
    assertTrue(again.cached());
    assertEquals(fresh.text(), again.text());
    assertEquals("openai", again.provider());
    assertFalse(other.cached(), "a different request is not a hit");
    assertEquals(2, first.requests().size());
  }

  private static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
