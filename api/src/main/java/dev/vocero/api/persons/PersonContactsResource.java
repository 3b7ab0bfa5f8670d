package dev.vocero.api.persons;

import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ApiException;
import dev.vocero.api.paging.Page;
import dev.vocero.api.paging.PageParams;
import dev.vocero.api.paging.PageRequest;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.persons.PersonContactRow;
import dev.vocero.store.persons.PersonDao;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** A person's contact history across batches, waves and channels, newest first, with the policy rule behind each. */
@Path("/api/v1/persons/{id}/contacts")
@Produces(MediaType.APPLICATION_JSON)
public class PersonContactsResource {
  private final Jdbi jdbi;

  public PersonContactsResource(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * One decision of the contact gate: {@code decision} allow, wait (until {@code notBefore}) or block; {@code ruleId}
   * names the policy rule (docs/compliance); {@code outcome} how an allowed contact ended (null for a wait or a block: nothing was contacted); the phone is masked.
   */
  public record ContactView(Instant at, String channel, String decision, String ruleId, String policy, String reason,
      String outcome, Instant notBefore, UUID batchId, UUID waveId, Long contactId, UUID attemptId, UUID messageId,
      String phone) {

    static ContactView of(PersonContactRow r) {
      return new ContactView(r.at(), r.channel(), r.decision(), r.ruleId(), r.policy(), r.reason(),
          "allow".equals(r.decision()) ? r.outcome() : null, r.notBefore(), r.batchId(), r.waveId(), r.contactId(), r.attemptId(), r.messageId(), r.phoneMasked());
    }
  }

  @GET
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public Page<ContactView> list(@Auth VoceroPrincipal caller, @PathParam("id") long id,
      @Valid @BeanParam PageParams paging) {
    PageRequest page = paging.withDefaultSize(50);
    return SharedDaos.of(jdbi).with(PersonDao.class, dao -> {
      if (!dao.exists(caller.orgId(), id)) {
        throw ApiException.notFound("Person " + id);
      }
      return page.of(dao.list(caller.orgId(), id, page.pageSize(), page.offset()).stream().map(ContactView::of).toList(),
          dao.count(caller.orgId(), id));
    });
  }
}
