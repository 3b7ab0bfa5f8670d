package dev.vocero.api.auth;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.vocero.api.errors.ApiException;
import dev.vocero.domain.compliance.PolicySettings;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.accounts.OrganizationDao;
import dev.vocero.store.accounts.OrganizationRow;
import dev.vocero.store.accounts.PrivacySettings;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The caller's organization; admins switch PII redaction of transcripts on or off and set the default contact limits of
 * its CUSTOM batches (docs/compliance/custom.md), both audited as changes of the organization.
 */
@Path("/api/v1/organization")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganizationResource {

  /**
   * {@code piiPhoneRegion}: ISO 3166 code for numbers written without +country code; "" clears it.
   * {@code customContactPolicy}: replaces the CUSTOM defaults; an object with no value clears them.
   */
  public record UpdatePrivacy(Boolean piiRedaction, String piiPhoneRegion,
      @Valid CustomContactPolicy customContactPolicy) {

    public UpdatePrivacy(Boolean piiRedaction, String piiPhoneRegion) {
      this(piiRedaction, piiPhoneRegion, null);
    }
  }

  /** {@code customContactPolicy}: the default limits of its CUSTOM batches without a contactPolicy, null for none. */
  public record Organization(UUID id, String name, boolean piiRedaction, String piiPhoneRegion,
      CustomContactPolicy customContactPolicy) {}

  private final Jdbi jdbi;

  public OrganizationResource(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @GET
  @PermitAll
  public Organization get(@Auth VoceroPrincipal principal) {
    return SharedDaos.of(jdbi).with(OrganizationDao.class, dao -> view(dao, principal.orgId()));
  }

  @PATCH
  @RolesAllowed(Role.ADMIN_ONLY)
  public Organization update(@Auth VoceroPrincipal admin, @NotNull @Valid UpdatePrivacy request) {
    String region = region(request.piiPhoneRegion());
    return jdbi.inTransaction(handle -> {
      OrganizationDao dao = SharedDaos.attach(handle, OrganizationDao.class);
      PrivacySettings current = dao.privacy(admin.orgId())
          .orElseThrow(() -> ApiException.notFound("Organization " + admin.orgId()));
      boolean redaction = request.piiRedaction() != null ? request.piiRedaction() : current.piiRedaction();
      String phoneRegion = request.piiPhoneRegion() != null ? region : current.piiPhoneRegion();
      dao.updatePrivacy(admin.orgId(), redaction, phoneRegion);
      if (request.customContactPolicy() != null) {
        PolicySettings limits = request.customContactPolicy().validSettings();
        dao.setCustomContactPolicy(admin.orgId(), limits == null ? null : limits.toJson());
      }
      return view(dao, admin.orgId());
    });
  }

  private static Organization view(OrganizationDao dao, UUID orgId) {
    OrganizationRow org = dao.find(orgId).orElseThrow(() -> ApiException.notFound("Organization " + orgId));
    PrivacySettings privacy = dao.privacy(orgId).orElse(PrivacySettings.OFF);
    PolicySettings defaults = PolicySettings.fromJson(dao.customContactPolicy(orgId).orElse(null));
    return new Organization(org.id(), org.name(), privacy.piiRedaction(), privacy.piiPhoneRegion(),
        defaults == null ? null : CustomContactPolicy.of(defaults));
  }

  private static String region(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String region = value.trim().toUpperCase(Locale.ROOT);
    if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
      throw ApiException.invalidField("invalid_region", "piiPhoneRegion", "invalid_value", "piiPhoneRegion must be an"
          + " ISO 3166 country code with phone numbering, such as CL, CO, MX, ES, AR, PE or US; '" + value + "' is not.");
    }
    return region;
  }
}
