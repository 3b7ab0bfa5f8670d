package dev.vocero.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.accounts.AccessTokenDao;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * A verified token is only as good as its holder now: ended by logout, a deactivated user or another organization
 * refuses it, and a changed role applies. Answers are cached for {@link #RECHECK} per token, so every API instance
 * sees a change within seconds at the cost of one indexed query per token per interval.
 */
public final class AccessTokens {
  public static final Duration RECHECK = Duration.ofSeconds(5);

  private final Jdbi jdbi;
  private final long ttlSeconds;
  private final Clock clock;
  private final Cache<String, Optional<VoceroPrincipal>> current =
      Caffeine.newBuilder().expireAfterWrite(RECHECK).maximumSize(50_000).build();

  public AccessTokens(Jdbi jdbi, long ttlSeconds, Clock clock) {
    this.jdbi = jdbi;
    this.ttlSeconds = ttlSeconds;
    this.clock = clock;
  }

  /** The caller as they stand now, or empty when the token no longer speaks for them. */
  public Optional<VoceroPrincipal> current(VoceroPrincipal fromToken) {
    if (fromToken.tokenId() == null) {
      return Optional.empty();
    }
    return current.get(fromToken.tokenId().toString(), id -> jdbi
        .withExtension(AccessTokenDao.class, dao -> dao.holder(fromToken.userId(), fromToken.tokenId()))
        .filter(holder -> holder.active() && !holder.revoked() && holder.orgId().equals(fromToken.orgId()))
        .flatMap(holder -> Optional.ofNullable(Role.parse(holder.role())))
        .map(role -> fromToken.withRole(role)));
  }

  /** Ends the caller's access token now (it would otherwise live until its expiry). */
  public void revoke(VoceroPrincipal caller) {
    if (caller.tokenId() == null) {
      return;
    }
    SharedDaos.of(jdbi).use(AccessTokenDao.class, dao -> {
      dao.forgetExpired();
      dao.revoke(caller.tokenId(), caller.userId(), clock.instant().plusSeconds(ttlSeconds));
    });
    current.invalidate(caller.tokenId().toString());
  }
}
