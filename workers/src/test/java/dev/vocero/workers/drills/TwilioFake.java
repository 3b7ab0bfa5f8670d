package dev.vocero.workers.drills;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Twilio's Calls API (create, list by To with {@code Status=queued} or {@code StartTime>}, fetch) in its documented
 * wire format, on WireMock in the test JVM, so it outlives the workers that call it. It keeps every call placed, with
 * the worker that placed it (the {@value #WORKER_HEADER} header its client adds), and answers a create only after
 * {@code createDelay}: a worker killed in that window never learns the call was placed, as after a real crash.
 */
public final class TwilioFake implements AutoCloseable {
  public static final String WORKER_HEADER = "X-Drill-Worker";
  private static final Pattern CALLS = Pattern.compile("/2010-04-01/Accounts/(AC\\w+)/Calls(?:/(CA\\w+))?\\.json");
  private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US)
      .withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One call as Twilio keeps it; {@code started} is null while queued. */
  public record Call(String sid, String to, String from, String placedBy, Instant created, Instant started,
                     String status, String statusCallback) {}

  private final Map<String, Call> calls = new ConcurrentHashMap<>();
  private final AtomicLong sids = new AtomicLong();
  private final Duration createDelay;
  private final WireMockServer server;

  private TwilioFake(Duration createDelay) {
    this.createDelay = createDelay;
    this.server = new WireMockServer(wireMockConfig().dynamicPort().extensions(new Api()));
  }

  public static TwilioFake start(Duration createDelay) {
    TwilioFake fake = new TwilioFake(createDelay);
    fake.server.start();
    fake.server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
    return fake;
  }

  public int port() {
    return server.port();
  }

  public List<Call> calls() {
    return calls.values().stream().sorted(Comparator.comparing(Call::sid)).toList();
  }

  /** Calls placed per destination number. */
  public Map<String, Integer> placements() {
    return calls.values().stream().collect(Collectors.toMap(Call::to, c -> 1, Integer::sum));
  }

  /** The call has ended (answered by a person); its status callback is the caller's to deliver. */
  public Call complete(String sid) {
    return calls.computeIfPresent(sid, (k, c) -> new Call(c.sid(), c.to(), c.from(), c.placedBy(), c.created(),
        c.created(), "completed", c.statusCallback()));
  }

  @Override
  public void close() {
    server.stop();
  }

  /** Builds every answer from the calls kept above. */
  private final class Api implements ResponseDefinitionTransformerV2 {
    @Override
    public String getName() {
      return "twilio-calls";
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      LoggedRequest request = event.getRequest();
      Matcher path = CALLS.matcher(request.getUrl().split("\\?")[0]);
      if (!path.matches()) {
        return error(404, 20404, "The requested resource was not found");
      }
      String account = path.group(1);
      if (path.group(2) != null) {
        Call call = calls.get(path.group(2));
        return call == null ? error(404, 20404, "The requested resource was not found") : json(200, call(account, call), 0);
      }
      if ("POST".equals(request.getMethod().getName())) {
        Map<String, String> form = form(request.getBodyAsString());
        String sid = "CA" + String.format("%032x", sids.incrementAndGet());
        Call call = new Call(sid, form.get("To"), form.get("From"), request.getHeader(WORKER_HEADER), Instant.now(), null,
            "queued", form.get("StatusCallback"));
        calls.put(sid, call);
        return json(201, call(account, call), createDelay.toMillis());
      }
      return json(200, page(account, request), 0);
    }

    private ObjectNode page(String account, LoggedRequest request) {
      String to = request.queryParameter("To").isPresent() ? request.queryParameter("To").firstValue() : null;
      Predicate<Call> matches = c -> to == null || to.equals(c.to());
      if (request.queryParameter("Status").isPresent()) {
        String status = request.queryParameter("Status").firstValue();
        matches = matches.and(c -> status.equals(c.status()));
      }
      if (request.queryParameter("StartTime>").isPresent()) { // Twilio compares the date part
        LocalDate since = LocalDate.parse(request.queryParameter("StartTime>").firstValue().substring(0, 10));
        matches = matches.and(c -> c.started() != null && !c.started().atZone(ZoneOffset.UTC).toLocalDate().isBefore(since));
      }
      String uri = request.getUrl();
      ObjectNode page = JSON.createObjectNode();
      ArrayNode list = page.putArray("calls");
      calls.values().stream().filter(matches).sorted(Comparator.comparing(Call::created).reversed())
          .forEach(c -> list.add(call(account, c)));
      page.put("first_page_uri", uri).putNull("next_page_uri").putNull("previous_page_uri").put("uri", uri)
          .put("page", 0).put("page_size", 50).put("start", 0).put("end", Math.max(0, list.size() - 1));
      return page;
    }
  }

  private static ObjectNode call(String account, Call call) {
    ObjectNode json = JSON.createObjectNode();
    json.put("sid", call.sid()).put("account_sid", account).put("api_version", "2010-04-01")
        .put("direction", "outbound-api").put("to", call.to()).put("from", call.from()).put("status", call.status())
        .put("date_created", RFC_2822.format(call.created())).put("date_updated", RFC_2822.format(Instant.now()))
        .put("queue_time", "0").put("price_unit", "USD").putNull("answered_by")
        .put("uri", "/2010-04-01/Accounts/" + account + "/Calls/" + call.sid() + ".json");
    if (call.started() == null) {
      json.putNull("start_time").putNull("duration");
    } else {
      json.put("start_time", RFC_2822.format(call.started())).put("duration", "12");
    }
    return json;
  }

  private static ResponseDefinition json(int status, ObjectNode body, long delayMillis) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body.toString())
        .withFixedDelay((int) delayMillis).build();
  }

  private static ResponseDefinition error(int status, int code, String message) {
    ObjectNode body = JSON.createObjectNode().put("code", code).put("message", message)
        .put("more_info", "https://www.twilio.com/docs/errors/" + code).put("status", status);
    return json(status, body, 0);
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
}
