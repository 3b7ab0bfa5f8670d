package dev.vocero.api.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/** bcrypt hashing; verification of unknown users still costs one bcrypt so timing reveals nothing. */
public class PasswordHasher {
  /** bcrypt reads at most 72 bytes: longer passwords are refused rather than silently truncated. */
  public static final int MAX_PASSWORD_BYTES = 72;

  private final int cost;
  private final String dummyHash;

  public PasswordHasher(int cost) {
    this.cost = cost;
    this.dummyHash = hash("not-a-real-password");
  }

  public String hash(String password) {
    return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
  }

  public boolean verify(String password, String hash) {
    if (password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
      return false;
    }
    return BCrypt.verifyer().verify(password.toCharArray(), hash == null ? dummyHash : hash).verified && hash != null;
  }
}
