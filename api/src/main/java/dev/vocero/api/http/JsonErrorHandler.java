package dev.vocero.api.http;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before Jersey sees the request (an address with {@code %00} or other ambiguous encoding, a URI
 * or headers over the limits) in the API's JSON shape {@code {code,message,details}} instead of an HTML page. The
 * message never echoes the request. This one serves the server (bad messages); {@link JsonServletErrorHandler} the
 * application's servlet context.
 */
public class JsonErrorHandler extends ErrorHandler {

  @Override
  protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
      List<Charset> charsets, int code, String message, Throwable cause) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    // only bad messages (a request line or headers Jetty cannot take) reach this server-level handler, and Jetty drops
    // the connection after them: say so, or a client pools the dead connection and its next POST fails
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    response.write(true, ByteBuffer.wrap(body(code)), callback);
    return true;
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    fields.put(HttpHeader.CONNECTION, "close"); // Jetty drops the connection after a bad message: say so to the client
    return ByteBuffer.wrap(body(status));
  }

  static byte[] body(int status) {
    String[] error = switch (status) {
      case 400 -> new String[] {"bad_request", "The request is malformed (its address, headers or encoding)."};
      case 404 -> new String[] {"not_found", "Nothing at this address."};
      case 405 -> new String[] {"method_not_allowed", "This address does not accept that HTTP method."};
      case 413 -> new String[] {"payload_too_large", "The request is over the size limit."};
      case 414 -> new String[] {"uri_too_long", "The address is too long."};
      case 431 -> new String[] {"headers_too_large", "The request headers are too large."};
      default -> status >= 500 ? new String[] {"server_error", "Something went wrong on our side."}
          : new String[] {"http_" + status, "The request cannot be served."};
    };
    return ("{\"code\":\"" + error[0] + "\",\"message\":\"" + error[1] + "\",\"details\":[]}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
