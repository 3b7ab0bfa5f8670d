package dev.vocero.api.auth;

import dev.vocero.api.errors.ApiException;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.accounts.OrganizationDao;
import dev.vocero.store.accounts.UserDao;
import dev.vocero.store.accounts.UserRow;
import dev.vocero.store.audio.DefaultKeywords;
import dev.vocero.store.audio.KeywordDao;
import dev.vocero.store.extraction.DefaultExtractors;
import dev.vocero.store.extraction.ExtractorDao;
import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Organizations, users and sessions: everything behind /api/v1/auth and /api/v1/users. */
public class AccountService {
  private final Jdbi jdbi;
  private final PasswordHasher passwords;
  private final JwtService jwt;
  private final RefreshTokens refreshTokens;
  private final AccessTokens accessTokens;

  public AccountService(Jdbi jdbi, PasswordHasher passwords, JwtService jwt, RefreshTokens refreshTokens,
      AccessTokens accessTokens) {
    this.jdbi = jdbi;
    this.passwords = passwords;
    this.jwt = jwt;
    this.refreshTokens = refreshTokens;
    this.accessTokens = accessTokens;
  }

  /** Creates an organization, its first admin, its default opportunity dictionary and extractors, all or nothing. */
  public UserRow register(AuthRequests.Register request) {
    String email = normalize(request.email());
    String hash = passwords.hash(request.password());
    return jdbi.inTransaction(handle -> {
      UserDao users = SharedDaos.attach(handle, UserDao.class);
      if (users.findByEmailForLogin(email).isPresent()) {
        throw ApiException.conflict("email_taken", "An account with this e-mail already exists. Log in instead.");
      }
      UUID orgId = UUID.randomUUID();
      SharedDaos.attach(handle, OrganizationDao.class).insert(orgId, request.organization().trim());
      UserRow user = new UserRow(UUID.randomUUID(), orgId, email, request.name().trim(), Role.ADMIN.wire(), hash, true, null);
      users.insert(user);
      DefaultKeywords.seed(SharedDaos.attach(handle, KeywordDao.class), orgId);
      DefaultExtractors.seedIfNone(SharedDaos.attach(handle, ExtractorDao.class), orgId);
      return users.find(orgId, user.id()).orElseThrow();
    });
  }

  public AuthViews.Tokens login(String email, String password) {
    UserRow user = authenticate(email, password);
    return tokens(user, refreshTokens.issue(user.orgId(), user.id()));
  }

  /** The active user with this e-mail and password, or 401 {@code invalid_credentials} (the console signs in here too). */
  public UserRow authenticate(String email, String password) {
    UserRow user = SharedDaos.of(jdbi).with(UserDao.class, dao -> dao.findByEmailForLogin(normalize(email))).orElse(null);
    boolean ok = passwords.verify(password, user == null ? null : user.passwordHash());
    if (!ok || !user.active()) {
      throw ApiException.unauthorized("invalid_credentials", "E-mail or password is not correct.");
    }
    return user;
  }

  public AuthViews.Tokens refresh(String refreshToken) {
    RefreshTokens.Rotation rotation = refreshTokens.rotate(refreshToken);
    UserRow user = SharedDaos.of(jdbi).with(UserDao.class, dao -> dao.find(rotation.consumed().orgId(), rotation.consumed().userId()))
        .filter(UserRow::active)
        .orElseThrow(() -> ApiException.unauthorized("user_disabled", "This user no longer has access."));
    return tokens(user, rotation.next());
  }

  public void logout(VoceroPrincipal principal, String refreshToken) {
    accessTokens.revoke(principal);
    if (refreshToken == null || refreshToken.isBlank()) {
      refreshTokens.revokeAll(principal.orgId(), principal.userId());
    } else {
      refreshTokens.revoke(refreshToken);
    }
  }

  public UserRow createUser(VoceroPrincipal admin, AuthRequests.CreateUser request) {
    Role role = requireRole(request.role());
    String email = normalize(request.email());
    String hash = passwords.hash(request.password());
    return jdbi.inTransaction(handle -> {
      UserDao users = SharedDaos.attach(handle, UserDao.class);
      if (users.findByEmailForLogin(email).isPresent()) {
        throw ApiException.conflict("email_taken", "A user with this e-mail already exists.");
      }
      UserRow user = new UserRow(UUID.randomUUID(), admin.orgId(), email, request.name().trim(), role.wire(), hash, true, null);
      users.insert(user);
      return users.find(admin.orgId(), user.id()).orElseThrow();
    });
  }

  public UserRow updateUser(VoceroPrincipal admin, UUID userId, AuthRequests.UpdateUser request) {
    return jdbi.inTransaction(handle -> {
      UserDao users = SharedDaos.attach(handle, UserDao.class);
      UserRow user = users.find(admin.orgId(), userId).orElseThrow(() -> ApiException.notFound("User " + userId));
      String role = request.role() == null ? user.role() : requireRole(request.role()).wire();
      boolean active = request.active() == null ? user.active() : request.active();
      boolean losesAdmin = user.role().equals(Role.ADMIN.wire()) && user.active() && (!role.equals(Role.ADMIN.wire()) || !active);
      if (losesAdmin && users.countActiveAdmins(admin.orgId()) <= 1) {
        throw ApiException.conflict("last_admin", "An organization needs at least one active admin.");
      }
      users.update(admin.orgId(), userId, role, active);
      if (!active) {
        refreshTokens.revokeAll(admin.orgId(), userId);
      }
      return users.find(admin.orgId(), userId).orElseThrow();
    });
  }

  private AuthViews.Tokens tokens(UserRow user, String refreshToken) {
    VoceroPrincipal principal = new VoceroPrincipal(user.id(), user.orgId(), user.email(), Role.parse(user.role()));
    return new AuthViews.Tokens(jwt.issue(principal), refreshToken, jwt.ttlSeconds(), "Bearer");
  }

  private static Role requireRole(String value) {
    Role role = Role.parse(value);
    if (role == null) {
      throw ApiException.invalidField("invalid_role", "role", "invalid_value",
          "Role must be one of admin, operator, viewer.");
    }
    return role;
  }

  private static String normalize(String email) {
    return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
  }
}
