package dev.vocero.api.audit;

import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.accounts.ApiKeyDao;
import dev.vocero.store.accounts.UserDao;
import dev.vocero.store.accounts.UserRow;
import dev.vocero.store.audit.AuditDao;
import dev.vocero.store.audit.AuditEntry;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Appends to the audit trail. A failure to record is logged, never turned into the caller's error. */
public final class AuditTrail {
  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
  public static final String USER = "user";
  public static final String API_KEY = "api_key";
  public static final String ANONYMOUS = "anonymous";
  public static final String SYSTEM = "system";

  private final Jdbi jdbi;

  public AuditTrail(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** A change made by a signed-in user or an API key. */
  public void record(VoceroPrincipal actor, String action, String objectType, String objectId, String changes,
      int status, String clientIp) {
    append(new AuditEntry(null, null, actor.orgId(), actor.isApiKey() ? API_KEY : USER,
        actor.isApiKey() ? actor.apiKeyId() : actor.userId(), actor.isApiKey() ? keyLabel(actor) : actor.email(), action,
        objectType, AuditChanges.maskPhones(objectId), changes, status, clientIp));
  }

  /** A sign-in attempt: {@code userId} and {@code orgId} when the account exists, else null. */
  public void login(UUID orgId, UUID userId, String email, boolean succeeded, int status, String clientIp) {
    append(new AuditEntry(null, null, orgId, userId == null ? ANONYMOUS : USER, userId, email,
        succeeded ? "auth.login" : "auth.login_failed", "users", userId == null ? null : userId.toString(), null,
        status, clientIp));
  }

  /** A sign-in attempt by e-mail (the API's login, the console's form): the account is looked up when it exists. */
  public void login(String email, boolean succeeded, int status, String clientIp) {
    String mail = email == null ? "" : email.strip();
    try {
      var user = SharedDaos.of(jdbi).with(UserDao.class, dao -> dao.findByEmailForLogin(mail));
      login(user.map(UserRow::orgId).orElse(null), user.map(UserRow::id).orElse(null), mail, succeeded, status,
          clientIp);
    } catch (RuntimeException e) {
      LOG.error("Could not record a sign-in in the audit trail: {}", e.toString());
    }
  }

  /** A change made by Vocero itself on an organization's behalf, such as a drop folder's import ({@code label} names it). */
  public void system(UUID orgId, String label, String action, String objectType, String objectId, int status) {
    append(new AuditEntry(null, null, orgId, SYSTEM, null, label, action, objectType, objectId, null, status, null));
  }

  /** The key's name and the prefix a leak scan would find ("CRM (vk_Ab12Cd34…)"); never the secret. */
  private String keyLabel(VoceroPrincipal key) {
    return SharedDaos.of(jdbi).with(ApiKeyDao.class, dao -> dao.find(key.orgId(), key.apiKeyId()))
        .map(row -> row.name() + " (" + row.prefix() + "…)").orElse(null);
  }

  private void append(AuditEntry entry) {
    try {
      SharedDaos.of(jdbi).use(AuditDao.class, dao -> dao.append(entry));
    } catch (RuntimeException e) {
      LOG.error("Could not append to the audit trail (action {}): {}", entry.action(), e.toString());
    }
  }
}
