package dev.vocero.workers.drills;

import dev.vocero.activities.telephony.Telephony;
import dev.vocero.activities.telephony.TwilioConfig;
import dev.vocero.activities.telephony.TwilioHttp;
import dev.vocero.activities.telephony.TwilioTelephony;
import dev.vocero.workers.VoceroApplication;
import dev.vocero.workers.config.VoceroConfiguration;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.HttpHost;

/**
 * The real application whose Twilio client reaches {@link TwilioFake} on {@code -Dvocero.drill.twilioPort} (twilio-java
 * has no base URL, so the transport routes there) and names its process in every request
 * ({@code -Dvocero.drill.worker}). Run as {@code worker} in its own JVM by the distributed drill.
 */
public class TwilioFakeApplication extends VoceroApplication {

  public static void main(String[] args) throws Exception {
    new TwilioFakeApplication().run(args);
  }

  @Override
  protected Telephony telephony(VoceroConfiguration config) {
    int port = Integer.getInteger("vocero.drill.twilioPort");
    String worker = System.getProperty("vocero.drill.worker", "worker");
    HttpClientBuilder builder = HttpClientBuilder.create()
        .setRoutePlanner((target, context) -> new HttpRoute(new HttpHost("http", "localhost", port)))
        .addRequestInterceptorFirst((request, entity, context) -> request.addHeader(TwilioFake.WORKER_HEADER, worker));
    TwilioConfig twilio = config.getTelephony().getTwilio();
    return new TwilioTelephony(twilio, TwilioHttp.restClient(twilio.getAccountSid(), twilio.getAuthToken(), builder));
  }
}
