package dev.vocero.api.auth;

import dev.vocero.api.errors.ApiException;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.accounts.RefreshTokenDao;
import dev.vocero.store.accounts.RefreshTokenRow;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Opaque rotating refresh tokens. Only a SHA-256 of each is stored; every use consumes it and issues the
 * next one in the same family; presenting a consumed token again revokes the whole family.
 */
public class RefreshTokens {
  private final SecureRandom random = new SecureRandom();
  private final Jdbi jdbi;
  private final long ttlSeconds;
  private final Clock clock;

  public RefreshTokens(Jdbi jdbi, long ttlSeconds, Clock clock) {
    this.jdbi = jdbi;
    this.ttlSeconds = ttlSeconds;
    this.clock = clock;
  }

  /** Starts a new family (a login). */
  public String issue(UUID orgId, UUID userId) {
    return issue(orgId, userId, UUID.randomUUID());
  }

  /** Consumes the token and returns the row it belonged to plus its successor. */
  public Rotation rotate(String token) {
    RefreshTokenDao tokens = jdbi.onDemand(RefreshTokenDao.class);
    RefreshTokenRow row = tokens.findByHash(hash(token))
        .orElseThrow(() -> ApiException.unauthorized("invalid_refresh_token", "This refresh token is not valid. Log in again."));
    if (row.usedAt() != null || row.revokedAt() != null) {
      tokens.revokeFamily(row.familyId()); // committed on its own: the error below must not roll it back
      throw ApiException.unauthorized("refresh_token_reused",
          "This refresh token was already used, so every session started from the same login was closed. Log in again.");
    }
    if (!row.expiresAt().isAfter(clock.instant())) {
      throw ApiException.unauthorized("refresh_token_expired", "This refresh token has expired. Log in again.");
    }
    return jdbi.inTransaction(handle -> {
      RefreshTokenDao dao = SharedDaos.attach(handle, RefreshTokenDao.class);
      if (dao.consume(row.id()) != 1) { // a concurrent refresh won the race
        throw ApiException.unauthorized("refresh_token_reused", "This refresh token was just used. Log in again.");
      }
      return new Rotation(row, issue(dao, row.orgId(), row.userId(), row.familyId()));
    });
  }

  /** Ends the session the token belongs to; unknown tokens are ignored (logout is idempotent). */
  public void revoke(String token) {
    SharedDaos.of(jdbi).use(RefreshTokenDao.class, dao -> dao.findByHash(hash(token)).ifPresent(r -> dao.revokeFamily(r.familyId())));
  }

  public void revokeAll(UUID orgId, UUID userId) {
    SharedDaos.of(jdbi).use(RefreshTokenDao.class, dao -> dao.revokeAllForUser(orgId, userId));
  }

  private String issue(UUID orgId, UUID userId, UUID familyId) {
    return SharedDaos.of(jdbi).with(RefreshTokenDao.class, dao -> issue(dao, orgId, userId, familyId));
  }

  private String issue(RefreshTokenDao dao, UUID orgId, UUID userId, UUID familyId) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    dao.insert(UUID.randomUUID(), orgId, userId, familyId, hash(token), clock.instant().plusSeconds(ttlSeconds));
    return token;
  }

  static String hash(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public record Rotation(RefreshTokenRow consumed, String next) {}
}
