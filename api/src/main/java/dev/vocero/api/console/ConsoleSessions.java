package dev.vocero.api.console;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.vocero.api.auth.AccessTokens;
import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.accounts.ConsoleSessionDao;
import dev.vocero.store.accounts.UserRow;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Console sign-ins: a random cookie value whose SHA-256 is the row's key. Like access tokens, the holder is re-read
 * at most every {@link AccessTokens#RECHECK}, so a deactivated user or a changed role applies within seconds.
 */
public final class ConsoleSessions {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Jdbi jdbi;
  private final Duration lifetime;
  private final Clock clock;
  private final Cache<String, Optional<ConsoleUser>> current =
      Caffeine.newBuilder().expireAfterWrite(AccessTokens.RECHECK).maximumSize(50_000).build();

  public ConsoleSessions(Jdbi jdbi, Duration lifetime, Clock clock) {
    this.jdbi = jdbi;
    this.lifetime = lifetime;
    this.clock = clock;
  }

  /** A new session for a user whose password was just checked; returns the cookie's value. */
  public String start(UserRow user) {
    String cookie = token();
    SharedDaos.of(jdbi).use(ConsoleSessionDao.class, dao -> {
      dao.forgetExpired();
      dao.insert(hash(cookie), user.id(), user.orgId(), token(), clock.instant().plus(lifetime));
    });
    return cookie;
  }

  /** The signed-in user, or empty when the cookie is unknown, expired, or its user was deactivated. */
  public Optional<ConsoleUser> current(String cookie) {
    if (cookie == null || cookie.isBlank() || cookie.length() > 100) {
      return Optional.empty();
    }
    return current.get(hash(cookie), key -> SharedDaos.of(jdbi).with(ConsoleSessionDao.class, dao -> dao.holder(key))
            .filter(ConsoleSessionDao.Holder::active)
            .flatMap(h -> Optional.ofNullable(Role.parse(h.role())).map(role -> new ConsoleUser(
                new VoceroPrincipal(h.userId(), h.orgId(), h.email(), role), h.name(), h.csrfToken(), h.expiresAt()))))
        .filter(user -> user.expiresAt().isAfter(clock.instant()));
  }

  public void end(String cookie) {
    if (cookie == null || cookie.length() > 100) {
      return;
    }
    String key = hash(cookie);
    SharedDaos.of(jdbi).use(ConsoleSessionDao.class, dao -> dao.delete(key));
    current.invalidate(key);
  }

  public Duration lifetime() {
    return lifetime;
  }

  static String token() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String hash(String value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
