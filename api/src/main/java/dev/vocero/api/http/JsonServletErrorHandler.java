package dev.vocero.api.http;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;

/**
 * The servlet context's errors that Jersey never sees (an ambiguous address such as {@code %00}) in the API's JSON
 * shape; written synchronously, as the servlet error handling expects.
 */
public class JsonServletErrorHandler extends ErrorHandler {

  @Override
  protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
      List<Charset> charsets, int code, String message, Throwable cause) throws IOException {
    byte[] body = JsonErrorHandler.body(code);
    ServletContextRequest servlet = Request.asInContext(request, ServletContextRequest.class);
    if (servlet != null) {
      HttpServletResponse http = servlet.getHttpServletResponse();
      http.setContentType("application/json");
      http.setContentLength(body.length);
      http.getOutputStream().write(body);
      return true;
    }
    response.getHeaders().put(org.eclipse.jetty.http.HttpHeader.CONTENT_TYPE, "application/json");
    try (Blocker.Callback blocker = Blocker.callback()) {
      response.write(true, ByteBuffer.wrap(body), blocker);
      blocker.block();
    }
    return true;
  }
}
