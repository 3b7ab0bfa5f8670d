package dev.vocero.api.auth;

import io.dropwizard.auth.Authenticator;
import java.util.Optional;

/** Bearer tokens → principal; a disabled user's token stops working at its expiry (30 min by default). */
public class TokenAuthenticator implements Authenticator<String, VoceroPrincipal> {
  private final JwtService jwt;

  public TokenAuthenticator(JwtService jwt) {
    this.jwt = jwt;
  }

  @Override
  public Optional<VoceroPrincipal> authenticate(String token) {
    return jwt.verify(token);
  }
}
