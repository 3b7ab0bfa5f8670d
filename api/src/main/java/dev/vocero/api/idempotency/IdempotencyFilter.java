package dev.vocero.api.idempotency;

import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ApiException;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.idempotency.IdempotencyDao;
import dev.vocero.store.idempotency.IdempotencyRow;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Idempotency-Key} on every signed-in POST, in one place. The first request with a key claims a row
 * (organization, key) before it runs; its answer (status, type, body) is stored and replayed for 24 hours to the same
 * key with the same path and body. Another body under the key is 422 {@code idempotency_key_reused}. A duplicate that
 * arrives while the first still runs waits for it up to {@link #WAIT}, then gets 409 {@code idempotency_in_progress}
 * with Retry-After: long uploads must not pin server threads. A 5xx or 429 answer releases the key so a retry runs again.
 * Operations that declare the header themselves (credit top-ups, idempotent in the ledger) are left to their own rule.
 */
@Priority(Priorities.USER + 100)
public final class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {
  public static final String HEADER = "Idempotency-Key";
  /** Request property set on a replayed answer, so nothing records it as a second change. */
  public static final String REPLAYED = "vocero.idempotency.replayed";
  static final Duration KEEP = Duration.ofHours(24);
  static final Duration WAIT = Duration.ofSeconds(10);
  /** A running row this old belongs to a request that died with its server: a retry may take it over. */
  static final Duration ABANDONED = Duration.ofMinutes(10);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration SWEEP_EVERY = Duration.ofMinutes(10);
  private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");
  private static final String CLAIM = "vocero.idempotency.claim";
  private static final String CAPTURE = "vocero.idempotency.capture";

  private static final Logger LOG = LoggerFactory.getLogger(IdempotencyFilter.class);

  private record Claim(UUID orgId, String key, Instant createdAt) {}

  private record Capture(Claim claim, int status, String type) {}

  private final Jdbi jdbi;
  private final Clock clock;
  private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.EPOCH);

  @Context
  private ResourceInfo resource;

  public IdempotencyFilter(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    String key = request.getHeaderString(HEADER);
    if (key == null || !"POST".equals(request.getMethod()) || declaresHeader(resource.getResourceMethod())
        || !(request.getSecurityContext().getUserPrincipal() instanceof VoceroPrincipal caller)) {
      return;
    }
    if (!VALID_KEY.matcher(key).matches()) {
      throw ApiException.invalidField("invalid_idempotency_key", HEADER, "pattern",
          "must be 1 to 200 visible ASCII characters (a UUID is a good choice)");
    }
    byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
    request.setEntityStream(new ByteArrayInputStream(body));
    String hash = RequestHash.of(request.getUriInfo().getPath(), request.getMediaType(), body);
    sweepNowAndThen();
    Instant deadline = clock.instant().plus(WAIT);
    while (true) {
      Instant now = clock.instant();
      if (SharedDaos.of(jdbi).with(IdempotencyDao.class, dao -> dao.claim(caller.orgId(), key, hash, now.plus(KEEP))) == 1) {
        IdempotencyRow claimed = find(caller.orgId(), key);
        request.setProperty(CLAIM, new Claim(caller.orgId(), key, claimed == null ? null : claimed.createdAt()));
        return;
      }
      IdempotencyRow row = find(caller.orgId(), key);
      if (row == null) {
        continue; // released between the claim and the look
      }
      if (row.expiresAt().isBefore(now) || (!row.done() && row.createdAt().isBefore(now.minus(ABANDONED)))) {
        SharedDaos.of(jdbi).use(IdempotencyDao.class, dao -> dao.release(row.orgId(), row.key(), row.createdAt()));
        continue;
      }
      if (!row.requestHash().equals(hash)) {
        throw ApiException.unprocessable("idempotency_key_reused", "This Idempotency-Key was used for another request"
            + " (another path or body) in the last 24 hours: use a new key for a new request.");
      }
      if (row.done()) {
        request.setProperty(REPLAYED, Boolean.TRUE);
        request.abortWith(replay(row));
        return;
      }
      if (now.isAfter(deadline)) {
        throw new ApiException(409, "idempotency_in_progress", "The first request with this Idempotency-Key is still"
            + " running; retry after the Retry-After seconds to get its answer.", List.of(), Duration.ofSeconds(2));
      }
      pause();
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(CLAIM) instanceof Claim claim)) {
      return;
    }
    request.removeProperty(CLAIM);
    if (response.getStatus() >= 500 || response.getStatus() == 429) {
      release(claim);
    } else if (!response.hasEntity()) {
      finish(claim, response.getStatus(), null, null);
    } else {
      request.setProperty(CAPTURE, new Capture(claim, response.getStatus(),
          response.getMediaType() == null ? null : response.getMediaType().toString()));
    }
  }

  @Override
  public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
    if (!(context.getProperty(CAPTURE) instanceof Capture capture)) {
      context.proceed();
      return;
    }
    context.removeProperty(CAPTURE);
    OutputStream original = context.getOutputStream();
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    context.setOutputStream(new Tee(original, copy));
    try {
      context.proceed();
    } catch (IOException | RuntimeException e) {
      release(capture.claim());
      throw e;
    } finally {
      context.setOutputStream(original);
    }
    finish(capture.claim(), capture.status(), capture.type(), copy.toByteArray());
  }

  private static boolean declaresHeader(Method method) {
    return method != null && Arrays.stream(method.getParameterAnnotations()).flatMap(Arrays::stream)
        .anyMatch(a -> a instanceof HeaderParam header && HEADER.equalsIgnoreCase(header.value()));
  }

  private static Response replay(IdempotencyRow row) {
    Response.ResponseBuilder answer = Response.status(row.responseStatus()).header("Idempotent-Replayed", "true");
    if (row.responseBody() != null) {
      answer.entity(row.responseBody()).type(row.responseType());
    }
    return answer.build();
  }

  private IdempotencyRow find(UUID orgId, String key) {
    return SharedDaos.of(jdbi).with(IdempotencyDao.class, dao -> dao.find(orgId, key)).orElse(null);
  }

  private void finish(Claim claim, int status, String type, byte[] body) {
    SharedDaos.of(jdbi).use(IdempotencyDao.class, dao -> dao.finish(claim.orgId(), claim.key(), status, type, body));
  }

  /** Best effort: when PostgreSQL is what failed, the row is taken over after {@link #ABANDONED}. */
  private void release(Claim claim) {
    try {
      if (claim.createdAt() != null) {
        SharedDaos.of(jdbi).use(IdempotencyDao.class, dao -> dao.release(claim.orgId(), claim.key(), claim.createdAt()));
      }
    } catch (RuntimeException e) {
      LOG.warn("Could not release an idempotency key after a failed request: {}", e.toString());
    }
  }

  private void sweepNowAndThen() {
    Instant last = lastSweep.get();
    Instant now = clock.instant();
    if (last.plus(SWEEP_EVERY).isBefore(now) && lastSweep.compareAndSet(last, now)) {
      SharedDaos.of(jdbi).use(IdempotencyDao.class, IdempotencyDao::sweepExpired);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(409, "idempotency_in_progress", "Interrupted while waiting for the first request.",
          List.of(), Duration.ofSeconds(2));
    }
  }

  /** Writes to the client and keeps a copy for the replay. */
  private static final class Tee extends OutputStream {
    private final OutputStream out;
    private final ByteArrayOutputStream copy;

    Tee(OutputStream out, ByteArrayOutputStream copy) {
      this.out = out;
      this.copy = copy;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      copy.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      copy.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
