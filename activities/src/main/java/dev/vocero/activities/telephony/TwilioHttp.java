package dev.vocero.activities.telephony;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;

/**
 * twilio-java's transport with its hidden retries removed (the SDK re-sends on 5xx, Apache on 429/503): a re-POSTed
 * call could dial twice, so retries belong to the activity, which first asks {@link Telephony#findPlaced}.
 */
public final class TwilioHttp extends NetworkHttpClient {

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
    return reliableRequest(request, RETRY_CODES, 1, 0);
  }
}
