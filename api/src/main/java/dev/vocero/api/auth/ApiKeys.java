package dev.vocero.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.accounts.ApiKeyDao;
import dev.vocero.store.accounts.ApiKeyRow;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * API keys for machine clients: {@code vk_} and 43 characters of a 256-bit secret, kept as its SHA-256 only. A lookup
 * is cached for {@link AccessTokens#RECHECK}, like users' tokens, so a revocation reaches every instance within seconds;
 * "last used" is written at most once a minute per key.
 */
public final class ApiKeys {
  public static final String PREFIX = "vk_";
  private static final int SECRET_LENGTH = PREFIX.length() + 43;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A new key: its row and the secret, which is shown once and never stored. */
  public record Issued(ApiKeyRow row, String secret) {}

  private final Jdbi jdbi;
  private final Clock clock;
  private final Cache<String, Optional<ApiKeyRow>> byHash =
      Caffeine.newBuilder().expireAfterWrite(AccessTokens.RECHECK).maximumSize(50_000).build();
  private final Cache<UUID, Boolean> recentlyTouched =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).maximumSize(50_000).build();

  public ApiKeys(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  public static boolean looksLikeKey(String token) {
    return token != null && token.startsWith(PREFIX);
  }

  public Issued issue(VoceroPrincipal admin, String name, Role role, Instant expiresAt) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    UUID id = UUID.randomUUID();
    return SharedDaos.of(jdbi).with(ApiKeyDao.class, dao -> {
      dao.insert(id, admin.orgId(), name, secret.substring(0, PREFIX.length() + 8), hash(secret), role.wire(),
          admin.userId(), expiresAt);
      return new Issued(dao.find(admin.orgId(), id).orElseThrow(), secret);
    });
  }

  /** The key's principal, or empty when it is unknown, revoked or expired. */
  public Optional<VoceroPrincipal> authenticate(String secret) {
    if (secret.length() != SECRET_LENGTH) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<VoceroPrincipal> principal = byHash.get(hash(secret),
            h -> SharedDaos.of(jdbi).with(ApiKeyDao.class, dao -> dao.bySecretHash(h)))
        .filter(key -> key.revokedAt() == null && (key.expiresAt() == null || key.expiresAt().isAfter(now)))
        .flatMap(key -> Optional.ofNullable(Role.parse(key.role()))
            .map(role -> VoceroPrincipal.ofApiKey(key.id(), key.orgId(), role, key.createdBy())));
    principal.ifPresent(p -> touch(p.apiKeyId()));
    return principal;
  }

  /** True when the key existed in the caller's organization and is now revoked. */
  public boolean revoke(UUID orgId, UUID id) {
    boolean known = SharedDaos.of(jdbi).with(ApiKeyDao.class, dao -> {
      dao.revoke(orgId, id);
      return dao.find(orgId, id).isPresent();
    });
    byHash.invalidateAll(); // keys are cached by hash; a revocation is rare enough to drop them all
    return known;
  }

  private void touch(UUID id) {
    if (recentlyTouched.asMap().putIfAbsent(id, Boolean.TRUE) == null) {
      SharedDaos.of(jdbi).use(ApiKeyDao.class, dao -> dao.touch(id));
    }
  }

  static String hash(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
