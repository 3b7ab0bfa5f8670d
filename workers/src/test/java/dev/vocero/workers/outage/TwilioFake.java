package dev.vocero.workers.outage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.twilio.http.TwilioRestClient;
import dev.vocero.activities.telephony.TwilioHttp;
import dev.vocero.workers.ApiClient;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.HttpHost;

/**
 * Twilio's Calls and Messages REST API on WireMock, with memory: it keeps every call and message it created (so a
 * retry's look-up finds them, as at Twilio), answers a call's status callback like Twilio (signed, retried every second
 * while the application answers 503), and can refuse creates with 429/503 and {@code Retry-After} for a while, or take
 * a create and still answer 500. It counts what it created per number: the drills' "lost" and "duplicated".
 */
final class TwilioFake implements AutoCloseable {
  static final String SID = "AC" + "0123456789abcdef".repeat(2);
  static final String TOKEN = "drill-twilio-token-" + "ab".repeat(16);
  static final String FROM = "+14155550199";
  /** Twilio's dates: whole seconds, RFC 2822. */
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);
  private static final String ACCOUNT = "/2010-04-01/Accounts/" + SID;

  record Created(String sid, String to, String body, String statusCallback, Instant at) {}

  record Refusal(String kind, String to, int status, Instant at) {}

  private final List<Created> calls = new CopyOnWriteArrayList<>();
  private final List<Created> messages = new CopyOnWriteArrayList<>();
  private final List<Refusal> refusals = new CopyOnWriteArrayList<>();
  private final List<String> callbackProblems = new CopyOnWriteArrayList<>();
  private final AtomicInteger callbacksRefused = new AtomicInteger();
  private final AtomicInteger callbacksDelivered = new AtomicInteger();
  private final AtomicInteger callbacksPending = new AtomicInteger();
  private final AtomicInteger sids = new AtomicInteger();
  private final AtomicInteger takenButFailedLeft = new AtomicInteger();
  private final AtomicInteger takenButFailed = new AtomicInteger();
  private final ScheduledExecutorService callbacks = Executors.newScheduledThreadPool(2);
  private final WireMockServer server;
  private final List<Created> held = new ArrayList<>();
  private boolean holding;
  private volatile Instant refuseUntil = Instant.MIN;
  private volatile int retryAfterSeconds;

  TwilioFake() {
    server = new WireMockServer(wireMockConfig().dynamicPort().extensions(new Transformer()));
    server.start();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
  }

  /** twilio-java as production builds it (no hidden retries), routed to this server. */
  TwilioRestClient client() {
    HttpClientBuilder builder = HttpClientBuilder.create()
        .setRoutePlanner((target, context) -> new HttpRoute(new HttpHost("http", "localhost", server.port())));
    return TwilioHttp.restClient(SID, TOKEN, builder);
  }

  /** From now on, for {@code length} of wall time, every create is refused: 429 and 503 in turn, with Retry-After. */
  void refuseCreates(Duration length, int retryAfterSeconds) {
    this.retryAfterSeconds = retryAfterSeconds;
    this.refuseUntil = Instant.now().plus(length);
  }

  /** The next {@code count} creates after any refusal are taken (stored, called back) but answered 500. */
  void failAfterTaking(int count) {
    takenButFailedLeft.set(count);
  }

  List<Created> calls() {
    return List.copyOf(calls);
  }

  List<Created> messages() {
    return List.copyOf(messages);
  }

  List<Refusal> refusals() {
    return List.copyOf(refusals);
  }

  int takenButFailed() {
    return takenButFailed.get();
  }

  int callbacksRefused() {
    return callbacksRefused.get();
  }

  int callbacksDelivered() {
    return callbacksDelivered.get();
  }

  int callbacksPending() {
    return callbacksPending.get();
  }

  List<String> callbackProblems() {
    return List.copyOf(callbackProblems);
  }

  /** How many times each number was created (called or messaged). */
  static Map<String, Long> perNumber(List<Created> created) {
    return created.stream().collect(Collectors.groupingBy(Created::to, LinkedHashMap::new, Collectors.counting()));
  }

  @Override
  public void close() {
    callbacks.shutdownNow();
    server.stop();
  }

  private final class Transformer implements ResponseDefinitionTransformerV2 {
    @Override
    public String getName() {
      return "twilio-fake";
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      LoggedRequest request = event.getRequest();
      String path = URI.create(request.getUrl()).getPath();
      boolean post = "POST".equals(request.getMethod().getName());
      if (path.equals(ACCOUNT + "/Calls.json")) {
        return post ? create("call", form(request.getBodyAsString()), calls, this::callJson)
            : page("calls", matching(calls, request), this::callJson);
      }
      if (path.equals(ACCOUNT + "/Messages.json")) {
        return post ? create("message", form(request.getBodyAsString()), messages, this::messageJson)
            : page("messages", matching(messages, request), this::messageJson);
      }
      if (path.startsWith(ACCOUNT + "/Calls/") && !post) {
        String sid = path.substring(path.lastIndexOf('/') + 1).replace(".json", "");
        return calls.stream().filter(c -> c.sid().equals(sid)).findFirst()
            .map(c -> json(200, callJson(c).toString()))
            .orElse(json(404, "{\"code\": 20404, \"message\": \"not found\", \"status\": 404}"));
      }
      return json(404, "{\"code\": 20404, \"message\": \"not found\", \"status\": 404}");
    }

    private ResponseDefinition create(String kind, Map<String, String> form, List<Created> store,
        Function<Created, ObjectNode> render) {
      Instant now = Instant.now();
      if (now.isBefore(refuseUntil)) {
        int status = refusals.size() % 2 == 0 ? 429 : 503;
        refusals.add(new Refusal(kind, form.get("To"), status, now));
        String body = status == 429
            ? "{\"code\": 20429, \"message\": \"Too Many Requests\", \"status\": 429}"
            : "{\"code\": 20503, \"message\": \"Service Unavailable\", \"status\": 503}";
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
            .withHeader("Retry-After", String.valueOf(retryAfterSeconds)).withBody(body).build();
      }
      Created created = new Created((kind.equals("call") ? "CA" : "SM") + String.format("%032x", sids.incrementAndGet()),
          form.get("To"), form.get("Body"), form.get("StatusCallback"), now);
      store.add(created);
      if (created.statusCallback() != null && kind.equals("call")) {
        callBackLater(created);
      }
      if (takenButFailedLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        takenButFailed.incrementAndGet();
        return json(500, "{\"code\": 20500, \"message\": \"Internal Server Error\", \"status\": 500}");
      }
      return json(201, render.apply(created).toString());
    }

    private List<Created> matching(List<Created> store, LoggedRequest request) {
      String to = request.queryParameter("To").isPresent() ? request.queryParameter("To").firstValue() : null;
      return store.stream().filter(c -> to == null || to.equals(c.to())).toList();
    }

    private ResponseDefinition page(String key, List<Created> items, Function<Created, ObjectNode> render) {
      ObjectNode page = ApiClient.JSON.createObjectNode();
      ArrayNode list = page.putArray(key);
      items.forEach(item -> list.add(render.apply(item)));
      page.put("page", 0).put("page_size", 50).put("start", 0).put("end", Math.max(0, items.size() - 1))
          .putNull("next_page_uri");
      page.put("uri", ACCOUNT + "/" + key + ".json").put("first_page_uri", ACCOUNT + "/" + key + ".json");
      return json(200, page.toString());
    }

    private ObjectNode callJson(Created call) {
      boolean ended = Instant.now().isAfter(call.at().plusMillis(1500));
      ObjectNode json = common(call);
      json.put("status", ended ? "completed" : "queued").put("duration", ended ? "12" : null)
          .put("direction", "outbound-api");
      return json;
    }

    private ObjectNode messageJson(Created message) {
      return common(message).put("body", message.body()).put("status", "queued").put("num_segments", "1")
          .put("direction", "outbound-api");
    }

    private ObjectNode common(Created item) {
      return ApiClient.JSON.createObjectNode().put("sid", item.sid()).put("account_sid", SID).put("to", item.to())
          .put("from", FROM).put("date_created", DATE.format(item.at())).put("date_updated", DATE.format(item.at()))
          .put("api_version", "2010-04-01");
    }
  }

  /** Callbacks of calls that end from now on wait until {@link #releaseCallbacks()}. */
  synchronized void holdCallbacks() {
    holding = true;
  }

  /** The held callbacks go out now, and later ones as their calls end. */
  synchronized void releaseCallbacks() {
    holding = false;
    held.forEach(call -> callbacks.execute(() -> callBack(call)));
    held.clear();
  }

  private synchronized void callBackLater(Created call) {
    callbacksPending.incrementAndGet();
    if (holding) {
      held.add(call);
    } else {
      callbacks.schedule(() -> callBack(call), 1500, TimeUnit.MILLISECONDS);
    }
  }

  /** Twilio's status callback of a finished call; a 503 is retried every second, as the provider retries. */
  private void callBack(Created call) {
    URI url = URI.create(call.statusCallback());
    Map<String, String> params = new LinkedHashMap<>(Map.of("AccountSid", SID, "CallSid", call.sid(),
        "CallStatus", "completed", "CallDuration", "12", "SequenceNumber", "3", "To", call.to(), "From", FROM));
    try {
      int status = new ApiClient(url.getPort()).twilioCallback(url.getRawPath() + "?" + url.getRawQuery(), params, TOKEN)
          .status();
      if (status == 503) {
        callbacksRefused.incrementAndGet();
        callbacks.schedule(() -> callBack(call), 1, TimeUnit.SECONDS);
        return;
      }
      if (status / 100 == 2) {
        callbacksDelivered.incrementAndGet();
      } else {
        callbackProblems.add(call.sid() + " answered " + status);
      }
    } catch (RuntimeException | AssertionError e) {
      callbackProblems.add(call.sid() + ": " + e);
    }
    callbacksPending.decrementAndGet();
  }

  private static Map<String, String> form(String body) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  private static ResponseDefinition json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body).build();
  }
}
