package dev.vocero.api.auth;

import io.dropwizard.auth.Authenticator;
import java.util.Optional;

/** Bearer tokens → principal: a valid signature, then the holder as they stand now (see {@link AccessTokens}). */
public class TokenAuthenticator implements Authenticator<String, VoceroPrincipal> {
  private final JwtService jwt;
  private final AccessTokens accessTokens;

  public TokenAuthenticator(JwtService jwt, AccessTokens accessTokens) {
    this.jwt = jwt;
    this.accessTokens = accessTokens;
  }

  @Override
  public Optional<VoceroPrincipal> authenticate(String token) {
    return jwt.verify(token).flatMap(accessTokens::current);
  }
}
