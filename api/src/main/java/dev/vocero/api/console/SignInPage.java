package dev.vocero.api.console;

import dev.vocero.api.audit.AuditTrail;
import dev.vocero.api.auth.AccountService;
import dev.vocero.api.auth.LoginRateLimiter;
import dev.vocero.api.errors.ApiException;
import dev.vocero.api.http.ClientAddress;
import dev.vocero.store.accounts.UserRow;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;

/** Sign-in (with a double-submit CSRF cookie, since there is no session yet), sign-out and the language switch. */
@Hidden
@ConsolePage
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class SignInPage {
  static final String LOGIN_CSRF_COOKIE = "vocero_signin";

  private final AccountService accounts;
  private final LoginRateLimiter limiter;
  private final ClientAddress clientAddress;
  private final ConsoleSessions sessions;
  private final ConsoleCookies cookies;
  private final Pages pages;
  private final AuditTrail audit;

  public SignInPage(AccountService accounts, LoginRateLimiter limiter, ClientAddress clientAddress,
      ConsoleSessions sessions, ConsoleCookies cookies, Pages pages, AuditTrail audit) {
    this.accounts = accounts;
    this.limiter = limiter;
    this.clientAddress = clientAddress;
    this.sessions = sessions;
    this.cookies = cookies;
    this.pages = pages;
    this.audit = audit;
  }

  @GET
  @Path("signin")
  @SignedOut
  public Response form(@Context ContainerRequestContext context, @QueryParam("next") String next,
      @CookieParam(LOGIN_CSRF_COOKIE) String loginCsrf) {
    String token = loginCsrf == null || loginCsrf.length() != 43 ? ConsoleSessions.token() : loginCsrf;
    return Response.ok(pages.render("signin", ConsoleRequest.of(context), "csrf", token, "next", safeNext(next),
            "email", "", "error", null))
        .cookie(cookies.make(LOGIN_CSRF_COOKIE, token, Duration.ofHours(2))).build();
  }

  @POST
  @Path("signin")
  @SignedOut
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response signIn(@Context ContainerRequestContext context, @Context HttpServletRequest http,
      @FormParam("email") String email, @FormParam("password") String password, @FormParam("csrf") String csrf,
      @FormParam("next") String next, @CookieParam(LOGIN_CSRF_COOKIE) String loginCsrf) {
    ConsoleRequest request = ConsoleRequest.of(context);
    if (!ConsoleRequest.matches(loginCsrf, csrf)) {
      return again(context, 403, "csrf", next, email, request.t("signin.expired"));
    }
    String address = clientAddress.of(http);
    String mail = email == null ? "" : email.trim();
    try {
      limiter.check(mail, address);
      UserRow user = accounts.authenticate(mail, password == null ? "" : password);
      limiter.succeeded(mail, address);
      String session = sessions.start(user);
      audit.login(user.orgId(), user.id(), mail, true, 303, address);
      return Response.seeOther(URI.create(safeNext(next)))
          .cookie(cookies.make(ConsoleFilter.SESSION_COOKIE, session, sessions.lifetime()),
              cookies.clear(LOGIN_CSRF_COOKIE)).build();
    } catch (ApiException e) {
      if (e.status() == 401) {
        limiter.failed(mail, address);
        audit.login(mail, false, 401, address);
        return again(context, 401, "invalid_credentials", next, mail, request.t("signin.wrong"));
      }
      if (e.status() == 429 && ConsoleFilter.wantsHtml(context)) {
        return again(context, 429, "too_many_attempts", next, mail, request.t("signin.wait"));
      }
      throw e;
    }
  }

  @POST
  @Path("signout")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response signOut(@Context ContainerRequestContext context, @Context HttpServletRequest http,
      @CookieParam(ConsoleFilter.SESSION_COOKIE) String session) {
    ConsoleRequest signedIn = ConsoleRequest.of(context);
    sessions.end(session);
    if (signedIn != null && signedIn.user() != null) {
      audit.record(signedIn.principal(), "auth.logout", "users", signedIn.principal().userId().toString(), null, 303,
          clientAddress.of(http));
    }
    return Response.seeOther(URI.create("/signin")).cookie(cookies.clear(ConsoleFilter.SESSION_COOKIE)).build();
  }

  @GET
  @Path("lang/{lang}")
  @SignedOut
  public Response language(@PathParam("lang") String lang, @QueryParam("next") String next) {
    if (!ConsoleText.LANGUAGES.contains(lang)) {
      throw ApiException.notFound("Language " + lang);
    }
    return Response.seeOther(URI.create(safeNext(next)))
        .cookie(cookies.make(ConsoleFilter.LANG_COOKIE, lang, Duration.ofDays(365))).build();
  }

  /** The form again with the reason for a browser; the API's error shape for any other client. */
  private Response again(ContainerRequestContext context, int status, String code, String next, String email,
      String error) {
    if (!ConsoleFilter.wantsHtml(context)) {
      throw new ApiException(status, code, error);
    }
    ConsoleRequest request = ConsoleRequest.of(context);
    String token = ConsoleSessions.token();
    return Response.status(status).entity(pages.render("signin", request, "csrf", token, "next", safeNext(next),
            "email", email == null ? "" : email, "error", error))
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .cookie(cookies.make(LOGIN_CSRF_COOKIE, token, Duration.ofHours(2))).build();
  }

  /** Only a path of this site: never another host (an open redirect) and never a scheme. */
  static String safeNext(String next) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\") || next.length() > 500
        || next.chars().anyMatch(c -> c < 0x20)) {
      return "/";
    }
    return next;
  }
}
