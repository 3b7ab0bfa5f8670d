package dev.vocero.api.console;

import dev.vocero.api.errors.ApiError;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.glassfish.jersey.server.ContainerRequest;

/**
 * Every console request: its language, its session (or a way back to sign-in), the CSRF check of every write, and
 * on the way out the security headers and errors as pages for browsers. API clients keep the JSON error shape.
 */
@ConsolePage
@Priority(Priorities.AUTHENTICATION)
public final class ConsoleFilter implements ContainerRequestFilter, ContainerResponseFilter {
  public static final String SESSION_COOKIE = "vocero_session";
  public static final String LANG_COOKIE = "vocero_lang";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
      + " media-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

  private final ConsoleSessions sessions;
  private final ConsoleText text;
  private final Pages pages;
  @Context
  private ResourceInfo resource;

  public ConsoleFilter(ConsoleSessions sessions, ConsoleText text, Pages pages) {
    this.sessions = sessions;
    this.text = text;
    this.pages = pages;
  }

  @Override
  public void filter(ContainerRequestContext context) {
    Cookie langCookie = context.getCookies().get(LANG_COOKIE);
    String lang = ConsoleText.choose(langCookie == null ? null : langCookie.getValue(), context.getAcceptableLanguages());
    Cookie session = context.getCookies().get(SESSION_COOKIE);
    ConsoleUser user = session == null ? null : sessions.current(session.getValue()).orElse(null);
    String path = "/" + context.getUriInfo().getPath();
    ConsoleRequest request = new ConsoleRequest(text, lang, user, path);
    context.setProperty(ConsoleRequest.PROPERTY, request);
    if (resource.getResourceMethod().isAnnotationPresent(SignedOut.class)) {
      return;
    }
    if (user == null) {
      context.abortWith(toSignIn(context, path));
      return;
    }
    if (!HttpMethod.GET.equals(context.getMethod()) && !HttpMethod.HEAD.equals(context.getMethod())) {
      checkCsrf(context, request);
    }
  }

  private static Response toSignIn(ContainerRequestContext context, String path) {
    if (context.getHeaderString("HX-Request") != null || !HttpMethod.GET.equals(context.getMethod())) {
      return Response.status(401).header("HX-Redirect", "/signin").type(MediaType.APPLICATION_JSON_TYPE)
          .entity(ApiError.of("unauthorized", "Sign in to the console first: /signin")).build();
    }
    return Response.seeOther(URI.create("/signin?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8))).build();
  }

  private static void checkCsrf(ContainerRequestContext context, ConsoleRequest request) {
    if (ConsoleRequest.matches(request.csrf(), context.getHeaderString(CSRF_HEADER))) {
      request.csrfChecked();
      return;
    }
    MediaType type = context.getMediaType();
    if (type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
      ContainerRequest jersey = (ContainerRequest) context;
      jersey.bufferEntity();
      Form form = jersey.readEntity(Form.class);
      if (ConsoleRequest.matches(request.csrf(), form.asMap().getFirst("csrf"))) {
        request.csrfChecked();
        return;
      }
    } else if (type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
      return; // the resource reads the multipart "csrf" field and calls requireCsrf before it acts
    }
    context.abortWith(Response.status(403).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ApiError.of("csrf", request.t("error.csrf"))).build());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    response.getHeaders().putSingle("Content-Security-Policy", CSP);
    response.getHeaders().putSingle("X-Frame-Options", "DENY");
    response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
    response.getHeaders().putSingle("Referrer-Policy", "same-origin");
    if (!response.getHeaders().containsKey("Cache-Control")) {
      response.getHeaders().putSingle("Cache-Control", "no-store");
    }
    ConsoleRequest console = ConsoleRequest.of(request);
    if (response.getEntity() instanceof ApiError error && console != null && wantsHtml(request)) {
      boolean fragment = request.getHeaderString("HX-Request") != null;
      response.setEntity(pages.render(fragment ? "error_fragment" : "error", console, "status", response.getStatus(),
          "message", error.message(), "details", error.details()), null,
          MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
      if (fragment) {
        response.getHeaders().putSingle("HX-Retarget", "#flash");
        response.getHeaders().putSingle("HX-Reswap", "innerHTML");
      }
    }
  }

  static boolean wantsHtml(ContainerRequestContext request) {
    return request.getHeaderString("HX-Request") != null
        || request.getAcceptableMediaTypes().stream().anyMatch(t -> t.isCompatible(MediaType.TEXT_HTML_TYPE) && !t.isWildcardType());
  }
}
