package dev.vocero.api.http;

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
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * One body limit for every endpoint, enforced while the body streams in: uploads (multipart) up to
 * {@code uploads.maxBytes}, everything else (JSON, provider webhooks, TwiML callbacks) up to
 * {@code uploads.maxRequestBytes}. A declared Content-Length over the limit is answered 413 before a byte is read;
 * a chunked body is cut off at the limit, whatever reads it, and answered 413 as well.
 */
public final class BodyLimit implements Filter {
  /** Request attribute set when a body went over its limit: the JAX-RS layer answers 413 ({@link Exceeded}). */
  public static final String EXCEEDED = "vocero.bodyLimitExceeded";
  /** Room for the multipart boundaries and the other form fields around an upload's file. */
  static final long MULTIPART_OVERHEAD = 64 * 1024;

  private final long uploadBytes;
  private final long requestBytes;

  public BodyLimit(long uploadBytes, long requestBytes) {
    this.uploadBytes = uploadBytes;
    this.requestBytes = requestBytes;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse answer)) {
      chain.doFilter(request, response);
      return;
    }
    boolean upload = http.getContentType() != null && http.getContentType().toLowerCase().startsWith("multipart/");
    long limit = upload ? uploadBytes + MULTIPART_OVERHEAD : requestBytes;
    if (http.getContentLengthLong() > limit) {
      answer.setHeader("Connection", "close"); // the body is not kept
      write(answer, 413, error(upload).getBytes(StandardCharsets.UTF_8));
      if (http.getContentLengthLong() - limit <= SWALLOW_BYTES) {
        swallow(http, answer);
      }
      return;
    }
    Limited limited = new Limited(http, limit);
    request.setAttribute(EXCEEDED_ERROR, error(upload));
    chain.doFilter(limited, response);
    if (Boolean.TRUE.equals(request.getAttribute(EXCEEDED))) {
      swallow(http, answer); // the rest of a chunked body cut off at the limit
    }
  }

  /**
   * How much of an oversize body is taken and thrown away after the 413 has gone out. Most clients (Java's
   * HttpClient, curl and browsers without {@code Expect: 100-continue}) send the whole body before they read the
   * answer; closing the connection while bytes are still arriving resets it, and the reset loses the 413 the client
   * has not read yet ("header parser received no bytes"). Tomcat does the same with its {@code maxSwallowSize}.
   * Bodies larger than this are cut off by closing the connection.
   */
  static final long SWALLOW_BYTES = 8L * 1024 * 1024;

  /** Sends the answer now, then reads and discards up to {@link #SWALLOW_BYTES} of what is left of the body. */
  private static void swallow(HttpServletRequest http, HttpServletResponse answer) {
    String expect = http.getHeader("Expect");
    if (expect != null && expect.toLowerCase().contains("100-continue")) {
      return; // the client waits for our go-ahead before it sends the body: it never gets one
    }
    try {
      answer.flushBuffer();
      InputStream body = http.getInputStream();
      byte[] sink = new byte[64 * 1024];
      long left = SWALLOW_BYTES;
      for (int n; left > 0 && (n = body.read(sink, 0, (int) Math.min(sink.length, left))) != -1; ) {
        left -= n;
      }
    } catch (IOException | IllegalStateException gone) {
      // the client went away or the body was read as text; Jetty closes the connection as it would have anyway
    }
  }

  /** Request attribute holding the 413 body for this request (JSON, in the API's error shape). */
  public static final String EXCEEDED_ERROR = "vocero.bodyLimitError";

  private String error(boolean upload) {
    return upload
        ? "{\"code\":\"file_too_large\",\"message\":\"The file is larger than the limit of " + uploadBytes / (1024 * 1024)
            + " MB (uploads.maxBytes).\",\"details\":[]}"
        : "{\"code\":\"body_too_large\",\"message\":\"The request body is larger than the limit of " + requestBytes
            + " bytes (uploads.maxRequestBytes).\",\"details\":[]}";
  }

  private static void write(HttpServletResponse answer, int status, byte[] body) throws IOException {
    answer.setStatus(status);
    answer.setContentType("application/json");
    answer.setContentLength(body.length);
    answer.getOutputStream().write(body);
  }

  /** Thrown by a read past the limit; whatever was reading fails, and the answer becomes 413. */
  public static final class TooLarge extends IOException {
    TooLarge(long limit) {
      super("request body over its limit of " + limit + " bytes");
    }
  }

  /**
   * Turns whatever the resource or an exception mapper answered after a read past the limit into the 413, before it
   * is written (the servlet filter cannot: Jersey has committed the response by then).
   */
  @jakarta.annotation.Priority(jakarta.ws.rs.Priorities.HEADER_DECORATOR)
  public static final class Exceeded implements jakarta.ws.rs.container.ContainerResponseFilter {
    @Override
    public void filter(jakarta.ws.rs.container.ContainerRequestContext request,
        jakarta.ws.rs.container.ContainerResponseContext response) {
      if (Boolean.TRUE.equals(request.getProperty(EXCEEDED))) {
        response.setStatus(413);
        response.getHeaders().putSingle("Connection", "close");
        response.getHeaders().putSingle("Content-Type", "application/json");
        response.setEntity(request.getProperty(EXCEEDED_ERROR), null, jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE);
      }
    }
  }

  /** Whether an exception comes from a read past the limit (mappers answer it without logging an incident). */
  public static boolean isTooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TooLarge) {
        return true;
      }
    }
    return false;
  }

  /** The request whose body stops at the limit: reading past it fails, and the filter answers 413. */
  private static final class Limited extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream in = super.getInputStream();
        stream = new ServletInputStream() {
          private long read;

          @Override
          public int read() throws IOException {
            int b = in.read();
            count(b < 0 ? 0 : 1);
            return b;
          }

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
          }

          private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
              setAttribute(EXCEEDED, Boolean.TRUE);
              throw new TooLarge(limit);
            }
          }

          @Override
          public boolean isFinished() {
            return in.isFinished();
          }

          @Override
          public boolean isReady() {
            return in.isReady();
          }

          @Override
          public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
          }
        };
      }
      return stream;
    }
  }
}
