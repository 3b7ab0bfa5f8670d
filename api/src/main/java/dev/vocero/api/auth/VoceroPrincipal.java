package dev.vocero.api.auth;

import java.security.Principal;
import java.util.UUID;

/**
 * The authenticated caller: a user from a verified access token ({@code tokenId}: its jti, null before one is issued),
 * or an API key ({@code apiKeyId}; then {@code userId} is the admin who created the key and {@code email} is null).
 */
public record VoceroPrincipal(UUID userId, UUID orgId, String email, Role role, UUID tokenId, UUID apiKeyId)
    implements Principal {

  public VoceroPrincipal(UUID userId, UUID orgId, String email, Role role) {
    this(userId, orgId, email, role, null, null);
  }

  public VoceroPrincipal(UUID userId, UUID orgId, String email, Role role, UUID tokenId) {
    this(userId, orgId, email, role, tokenId, null);
  }

  public static VoceroPrincipal ofApiKey(UUID keyId, UUID orgId, Role role, UUID createdBy) {
    return new VoceroPrincipal(createdBy, orgId, null, role, null, keyId);
  }

  public boolean isApiKey() {
    return apiKeyId != null;
  }

  public VoceroPrincipal withRole(Role current) {
    return new VoceroPrincipal(userId, orgId, email, current, tokenId, apiKeyId);
  }

  @Override
  public String getName() {
    return isApiKey() ? "api-key:" + apiKeyId : userId.toString();
  }
}
