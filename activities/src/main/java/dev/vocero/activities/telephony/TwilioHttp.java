package dev.vocero.activities.telephony;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import java.time.Duration;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.http.Header;

/**
 * twilio-java's transport with its hidden retries removed (the SDK re-sends on 5xx, Apache on 429/503): a re-POSTed
 * call could dial twice, so retries belong to the activity, which first asks {@link Telephony#findPlaced}. The
 * {@code Retry-After} of a 429 or 5xx is kept for the thread that made the request, since twilio-java's exceptions
 * drop the response headers.
 */
public final class TwilioHttp extends NetworkHttpClient {
  private static final ThreadLocal<Duration> RETRY_AFTER = new ThreadLocal<>();

  private TwilioHttp(HttpClientBuilder builder) {
    super(builder);
  }

  /** A client with twilio-java's default pool and timeouts; tests pass a builder with a route planner. */
  public static TwilioRestClient restClient(String accountSid, String authToken, HttpClientBuilder builder) {
    PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
    pool.setDefaultSocketConfig(DEFAULT_SOCKET_CONFIG);
    pool.setDefaultMaxPerRoute(20);
    pool.setMaxTotal(100);
    builder.useSystemProperties().setConnectionManager(pool).setDefaultRequestConfig(DEFAULT_REQUEST_CONFIG)
        .disableAutomaticRetries();
    return new TwilioRestClient.Builder(accountSid, authToken).httpClient(new TwilioHttp(builder)).build();
  }

  @Override
  public Response reliableRequest(Request request) {
    RETRY_AFTER.remove();
    Response response = reliableRequest(request, RETRY_CODES, 1, 0);
    if (response != null && (response.getStatusCode() == 429 || response.getStatusCode() >= 500)) {
      RETRY_AFTER.set(RetellHttp.retryAfter(header(response, "Retry-After")));
    }
    return response;
  }

  /** The {@code Retry-After} of this thread's last Twilio answer if it was a 429 or 5xx; null when it sent none. */
  public static Duration lastRetryAfter() {
    return RETRY_AFTER.get();
  }

  private static String header(Response response, String name) {
    if (response.getHeaders() == null) {
      return null;
    }
    for (Header header : response.getHeaders()) {
      if (name.equalsIgnoreCase(header.getName())) {
        return header.getValue();
      }
    }
    return null;
  }
}
