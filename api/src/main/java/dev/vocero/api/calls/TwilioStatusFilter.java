package dev.vocero.api.calls;

import dev.vocero.api.errors.ServletErrors;
import dev.vocero.api.http.BodyLimit;
import dev.vocero.api.http.UrlEncodedForm;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

/**
 * Serves Twilio's call status callback, the hottest provider webhook, before Jersey: Jersey's per-request work cost
 * several times the intake itself. Same checks and answers as {@link TwilioWebhookResource#status}, which documents
 * the operation and still serves what this filter passes on: anything but a UTF-8 form POST with a plain query, or a
 * form only Jersey's reader can judge (see {@link UrlEncodedForm}). Mapped after the body-limit, drain and metrics
 * filters, so those apply as before.
 */
public final class TwilioStatusFilter implements Filter {
  /** The exact URL pattern this filter is mapped to. */
  public static final String PATH = "/webhooks/twilio/voice/status";
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final long MAX_PRESIZED = 64 * 1024;

  private final TelephonyWebhooks webhooks;
  private final TwilioStatusCallbacks callbacks;
  private final ServletErrors errors;

  public TwilioStatusFilter(TelephonyWebhooks webhooks, TwilioStatusCallbacks callbacks, ServletErrors errors) {
    this.webhooks = webhooks;
    this.callbacks = callbacks;
    this.errors = errors;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse answer)
        || !"POST".equals(http.getMethod()) || !utf8Form(http.getContentType()) || !plain(http.getQueryString())) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body;
    try {
      body = body(http);
    } catch (IOException e) {
      if (BodyLimit.isTooLarge(e)) { // as BodyLimit.Exceeded answers it on the Jersey path
        tooLarge(http, answer);
        return;
      }
      throw e;
    }
    Map<String, String> form = UrlEncodedForm.firstValues(body);
    if (form == null) {
      chain.doFilter(new ReadBody(http, body), response);
      return;
    }
    String query = http.getQueryString();
    try {
      callbacks.receive(attemptId(query),
          TwilioRequests.verified(webhooks, PATH.substring(1), query, http.getHeader("X-Twilio-Signature"), form));
      answer.setStatus(HttpServletResponse.SC_NO_CONTENT);
    } catch (RuntimeException e) {
      errors.write(answer, e);
    }
  }

  /** Read into one array of the declared length: readAllBytes allocated two 8 KiB buffers per callback. */
  private static byte[] body(HttpServletRequest http) throws IOException {
    long declared = http.getContentLengthLong();
    if (declared < 0 || declared > MAX_PRESIZED) {
      return http.getInputStream().readAllBytes();
    }
    byte[] body = new byte[(int) declared];
    int read = http.getInputStream().readNBytes(body, 0, body.length);
    return read == body.length ? body : Arrays.copyOf(body, read);
  }

  private static void tooLarge(HttpServletRequest http, HttpServletResponse answer) throws IOException {
    byte[] error = String.valueOf(http.getAttribute(BodyLimit.EXCEEDED_ERROR)).getBytes(StandardCharsets.UTF_8);
    answer.setStatus(413);
    answer.setHeader("Connection", "close");
    answer.setContentType("application/json");
    answer.setContentLength(error.length);
    answer.getOutputStream().write(error);
  }

  /** The form type, with no parameter or only {@code charset=utf-8}: any other charset is Jersey's to decode. */
  static boolean utf8Form(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.trim().equalsIgnoreCase(FORM)
        && (semicolon < 0 || contentType.substring(semicolon + 1).trim().equalsIgnoreCase("charset=utf-8"));
  }

  /** A query of unreserved characters, {@code =} and {@code &} only: nothing to decode, so nothing to decode differently. */
  static boolean plain(String query) {
    if (query == null) {
      return true;
    }
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~';
      if (!unreserved && c != '=' && c != '&') {
        return false;
      }
    }
    return true;
  }

  /** The first {@code attemptId} of a plain query, or null when absent or not a UUID (stored as an orphan). */
  static UUID attemptId(String query) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      if (name.equals("attemptId")) {
        try {
          return UUID.fromString(equals < 0 ? "" : pair.substring(equals + 1));
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
    }
    return null;
  }

  /** The request with the body this filter already read, for Jersey to read again. */
  private static final class ReadBody extends HttpServletRequestWrapper {
    private final byte[] body;

    ReadBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("the body was already read");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
