package dev.vocero.api.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;

/** {@code auth:} section of the configuration. */
public class AuthConfig {
  /** HMAC secret for access tokens, at least 32 bytes; from the environment in production. */
  @NotEmpty @JsonProperty private String jwtSecret;
  @NotEmpty @JsonProperty private String issuer = "vocero";
  @Min(60) @JsonProperty private long accessTokenSeconds = 30 * 60;
  @Min(300) @JsonProperty private long refreshTokenSeconds = 7 * 24 * 3600;
  @Min(4) @Max(16) @JsonProperty private int bcryptCost = 12;
  /** Whether anyone may create an organization with POST /api/v1/auth/register (on in dev; off by default). */
  @JsonProperty private boolean openSignup = false;
  /**
   * E-mails of the platform's operators (comma-separated): the only users who may top up an organization's credits
   * or turn their enforcement on or off. An organization's admin may not.
   */
  @JsonProperty private String platformOperators = "";
  /**
   * Load balancers whose X-Forwarded-For is believed (comma-separated addresses or CIDR blocks, e.g.
   * {@code 10.0.0.0/8}); empty: the connection's own address is the client.
   */
  @JsonProperty private String trustedProxies = "";
  /** Login attempts per client address per minute; also failed ones per account and address (see LoginRateLimiter). */
  @Min(1) @JsonProperty private int loginAttemptsPerMinute = 10;

  public String getJwtSecret() {
    return jwtSecret;
  }

  public void setJwtSecret(String jwtSecret) {
    this.jwtSecret = jwtSecret;
  }

  public String getIssuer() {
    return issuer;
  }

  public long getAccessTokenSeconds() {
    return accessTokenSeconds;
  }

  public long getRefreshTokenSeconds() {
    return refreshTokenSeconds;
  }

  public int getBcryptCost() {
    return bcryptCost;
  }

  public boolean isOpenSignup() {
    return openSignup;
  }

  public java.util.List<String> platformOperatorList() {
    return split(platformOperators);
  }

  private static java.util.List<String> split(String list) {
    return list == null ? java.util.List.of()
        : java.util.Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  public java.util.List<String> trustedProxyList() {
    return split(trustedProxies);
  }

  public int getLoginAttemptsPerMinute() {
    return loginAttemptsPerMinute;
  }
}
