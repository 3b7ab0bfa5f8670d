package dev.vocero.activities.telephony;

import com.twilio.http.TwilioRestClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.HttpHost;

/** Shared test data: Twilio credentials, a Twilio client aimed at a local port, form parsing, resources. */
final class TelephonyFixtures {

  static final String SID = "AC0123456789abcdef0123456789abcdef";
  static final String TOKEN = "twilio-test-auth-token-0123456789";

  private TelephonyFixtures() {
  }

  /** The production client, but twilio-java has no base URL: every request is routed to localhost:port. */
  static TwilioRestClient twilioAgainst(int port) {
    HttpClientBuilder builder = HttpClientBuilder.create()
        .setRoutePlanner((target, context) -> new HttpRoute(new HttpHost("http", "localhost", port)));
    return TwilioHttp.restClient(SID, TOKEN, builder);
  }

  static String resource(String name) {
    try (InputStream in = TelephonyFixtures.class.getResourceAsStream("/telephony/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("missing test resource telephony/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every value of every key of an x-www-form-urlencoded body, in order. */
  static Map<String, List<String>> formValues(String body) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return values;
  }

  /** A single-valued form body as a map (the last value wins). */
  static Map<String, String> form(String body) {
    Map<String, String> single = new LinkedHashMap<>();
    formValues(body).forEach((key, list) -> single.put(key, list.get(list.size() - 1)));
    return single;
  }
}
