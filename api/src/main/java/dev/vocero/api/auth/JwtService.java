package dev.vocero.api.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Issues and verifies HS256 access tokens (nimbus-jose-jwt); only HS256 with our secret is accepted. */
public class JwtService {
  private static final String AUDIENCE = "vocero-api";

  private final MACSigner signer;
  private final DefaultJWTProcessor<SecurityContext> processor;
  private final String issuer;
  private final long ttlSeconds;
  private final Clock clock;

  public JwtService(String secret, String issuer, long ttlSeconds, Clock clock) {
    byte[] key = secret.getBytes(StandardCharsets.UTF_8);
    if (key.length < 32) {
      throw new IllegalArgumentException("auth.jwtSecret must be at least 32 bytes long");
    }
    try {
      this.signer = new MACSigner(key);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("auth.jwtSecret is not usable for HS256", e);
    }
    this.issuer = issuer;
    this.ttlSeconds = ttlSeconds;
    this.clock = clock;
    this.processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableSecret<>(key)));
    processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(AUDIENCE,
        new JWTClaimsSet.Builder().issuer(issuer).build(),
        Set.of("sub", "org", "role", "email", "exp", "iat", "jti")) {
      @Override
      protected Date currentTime() {
        return Date.from(clock.instant());
      }
    });
  }

  public long ttlSeconds() {
    return ttlSeconds;
  }

  public String issue(VoceroPrincipal principal) {
    Instant now = clock.instant();
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience(AUDIENCE)
        .subject(principal.userId().toString())
        .claim("org", principal.orgId().toString())
        .claim("role", principal.role().wire())
        .claim("email", principal.email())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(ttlSeconds)))
        .jwtID(UUID.randomUUID().toString())
        .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("could not sign an access token", e);
    }
    return jwt.serialize();
  }

  /** The principal of a valid token, or empty for anything forged, expired, unsigned or malformed. */
  public Optional<VoceroPrincipal> verify(String token) {
    try {
      JWTClaimsSet claims = processor.process(token, null);
      Role role = Role.parse(claims.getStringClaim("role"));
      if (role == null) {
        return Optional.empty();
      }
      return Optional.of(new VoceroPrincipal(UUID.fromString(claims.getSubject()),
          UUID.fromString(claims.getStringClaim("org")), claims.getStringClaim("email"), role,
          UUID.fromString(claims.getJWTID())));
    } catch (Exception e) { // ParseException, BadJOSEException, JOSEException, IllegalArgumentException: all mean "not valid"
      return Optional.empty();
    }
  }
}
