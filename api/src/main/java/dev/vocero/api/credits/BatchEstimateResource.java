package dev.vocero.api.credits;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ApiException;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.calls.BatchDao;
import dev.vocero.store.calls.BatchRow;
import dev.vocero.store.credits.CreditAccount;
import dev.vocero.credits.CreditLedger;
import dev.vocero.domain.credits.CreditPrices;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** What a batch can cost at most: contacts × attempts × reserved minutes × price per minute. */
@Path("/api/v1/batches/{id}/estimate")
@Produces(MediaType.APPLICATION_JSON)
public class BatchEstimateResource {
  private final Jdbi jdbi;
  private final CreditLedger ledger;
  private final CreditPrices prices;
  private final ObjectMapper json;

  public BatchEstimateResource(Jdbi jdbi, CreditPrices prices, ObjectMapper json) {
    this.jdbi = jdbi;
    this.ledger = new CreditLedger(jdbi);
    this.prices = prices;
    this.json = json;
  }

  @GET
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public CreditViews.Estimate estimate(@Auth VoceroPrincipal caller, @PathParam("id") UUID id) throws IOException {
    BatchRow batch = SharedDaos.of(jdbi).with(BatchDao.class, dao -> dao.find(caller.orgId(), id))
        .orElseThrow(() -> ApiException.notFound("Batch " + id));
    int attempts = json.readTree(batch.settings()).path("maxAttempts").asInt(1);
    CreditAccount account = ledger.account(caller.orgId()).orElseThrow(() -> ApiException.notFound("Organization"));
    return CreditViews.Estimate.of(id, prices.estimateCalls(batch.contactsCount(), attempts), account);
  }
}
