package dev.vocero.activities.telephony;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The sandbox's recording store, served over real HTTP on a loopback port the way Twilio serves recordings:
 * {@code GET /2010-04-01/Accounts/{AccountSid}/Recordings/{RecordingSid}.wav} behind basic auth with
 * AccountSid:AuthToken. Each recording is a short, real PCM WAV whose tone differs per call. Started on first use.
 */
final class SandboxRecordings implements AutoCloseable {
  static final int SAMPLE_RATE = 8000;
  static final double SECONDS = 1.0;
  private static final int KEPT = 500;

  private final String accountSid;
  private final String expectedAuthorization;
  private final Map<String, byte[]> recordings = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
      return size() > KEPT;
    }
  };
  private HttpServer server;

  SandboxRecordings(String accountSid, String authToken) {
    this.accountSid = accountSid;
    this.expectedAuthorization = "Basic " + Base64.getEncoder()
        .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
  }

  /** Stores a recording for the call and returns its Twilio-style RecordingUrl (without an extension). */
  synchronized URI add(String recordingSid, String callSid) throws IOException {
    if (server == null) {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/2010-04-01/Accounts/", this::serve);
      server.setExecutor(Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "sandbox-recordings");
        thread.setDaemon(true);
        return thread;
      }));
      server.start();
    }
    recordings.put(recordingSid, wav(callSid));
    return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort()
        + "/2010-04-01/Accounts/" + accountSid + "/Recordings/" + recordingSid);
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"Twilio API\"");
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      String path = exchange.getRequestURI().getPath();
      String prefix = "/2010-04-01/Accounts/" + accountSid + "/Recordings/";
      byte[] body = null;
      if (path.startsWith(prefix) && path.endsWith(".wav")) {
        synchronized (this) {
          body = recordings.get(path.substring(prefix.length(), path.length() - ".wav".length()));
        }
      }
      if (body == null || !"GET".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      exchange.getResponseHeaders().add("Content-Type", "audio/x-wav");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** 8 kHz, 16-bit, mono PCM: a tone between 300 and 1,100 Hz chosen by the call id. */
  static byte[] wav(String callSid) {
    int samples = (int) (SAMPLE_RATE * SECONDS);
    double frequency = 300 + Math.floorMod(callSid.hashCode(), 800);
    ByteBuffer buffer = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
    buffer.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2)
        .put("WAVE".getBytes(StandardCharsets.US_ASCII))
        .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
        .putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 2).putShort((short) 2).putShort((short) 16)
        .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
    for (int i = 0; i < samples; i++) {
      buffer.putShort((short) Math.round(8000 * Math.sin(2 * Math.PI * frequency * i / SAMPLE_RATE)));
    }
    return buffer.array();
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
  }
}
