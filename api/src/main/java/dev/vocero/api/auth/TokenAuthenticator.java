package dev.vocero.api.auth;

import io.dropwizard.auth.Authenticator;
import java.util.Optional;

/**
 * Bearer tokens → principal: an API key ({@code vk_…}, see {@link ApiKeys}), or a signed access token whose holder is
 * checked as they stand now (see {@link AccessTokens}).
 */
public class TokenAuthenticator implements Authenticator<String, VoceroPrincipal> {
  private final JwtService jwt;
  private final AccessTokens accessTokens;
  private final ApiKeys apiKeys;

  public TokenAuthenticator(JwtService jwt, AccessTokens accessTokens, ApiKeys apiKeys) {
    this.jwt = jwt;
    this.accessTokens = accessTokens;
    this.apiKeys = apiKeys;
  }

  @Override
  public Optional<VoceroPrincipal> authenticate(String token) {
    if (ApiKeys.looksLikeKey(token)) {
      return apiKeys.authenticate(token);
    }
    return jwt.verify(token).flatMap(accessTokens::current);
  }
}
