package dev.vocero.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.http.ClientAddress;
import dev.vocero.api.idempotency.IdempotencyFilter;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every successful change made through the API (POST, PUT, PATCH, DELETE by a signed-in user or an API key):
 * who, the action and object read from the route ({@link AuditSubject}), the changed fields of the object's row
 * before and after, the status and the client's address. One mechanism for every resource; a replayed
 * Idempotency-Key answer is not a second change.
 */
@Priority(Priorities.USER + 200)
public final class AuditFilter implements ContainerRequestFilter, ContainerResponseFilter {
  private static final Logger LOG = LoggerFactory.getLogger(AuditFilter.class);
  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final String PENDING = "vocero.audit.pending";

  private record Pending(VoceroPrincipal actor, AuditSubject subject, JsonNode before) {}

  private final AuditSnapshots snapshots;
  private final ObjectMapper json;
  private final AuditTrail trail;
  private final ClientAddress clientAddress;

  @Context
  private ResourceInfo resource;

  @Context
  private HttpServletRequest http;

  public AuditFilter(Jdbi jdbi, ObjectMapper json, AuditTrail trail, ClientAddress clientAddress) {
    this.snapshots = new AuditSnapshots(jdbi, json);
    this.json = json;
    this.trail = trail;
    this.clientAddress = clientAddress;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (!WRITES.contains(request.getMethod())
        || !(request.getSecurityContext().getUserPrincipal() instanceof VoceroPrincipal actor)
        || resource.getResourceMethod() == null) {
      return;
    }
    Map<String, String> params = new HashMap<>();
    request.getUriInfo().getPathParameters().forEach((name, values) -> params.put(name, values.get(0)));
    AuditSubject subject = AuditSubject.of(request.getMethod(), template(), params, actor.orgId());
    if (subject != null) {
      request.setProperty(PENDING, new Pending(actor, subject, snapshotOrNull(actor.orgId(), subject)));
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(PENDING) instanceof Pending pending) || response.getStatus() >= 400
        || request.getProperty(IdempotencyFilter.REPLAYED) != null) {
      return;
    }
    request.removeProperty(PENDING);
    try {
      AuditSubject subject = pending.subject();
      JsonNode answer = answer(response);
      if (subject.objectId() == null && subject.table() != null && subject.table().createdIdField() != null
          && answer != null && answer.hasNonNull(subject.table().createdIdField())) {
        subject = subject.withObjectId(answer.get(subject.table().createdIdField()).asText());
      }
      JsonNode after = snapshot(pending.actor().orgId(), subject);
      ObjectNode changes = AuditChanges.between(pending.before(), withAnswer(pending.before(), after, answer));
      trail.record(pending.actor(), subject.action(), subject.objectType(), subject.objectId(),
          changes == null ? null : changes.toString(), response.getStatus(), clientAddress.of(http));
    } catch (RuntimeException e) {
      LOG.error("Could not record a change in the audit trail: {}", e.toString());
    }
  }

  private String template() {
    Path type = resource.getResourceClass().getAnnotation(Path.class);
    Path method = resource.getResourceMethod().getAnnotation(Path.class);
    String path = (type == null ? "" : type.value()) + (method == null ? "" : "/" + method.value());
    return path.replaceAll("/+", "/");
  }

  /** The trail never decides a request: with PostgreSQL away the request fails (or not) on its own. */
  private JsonNode snapshotOrNull(UUID orgId, AuditSubject subject) {
    try {
      return snapshot(orgId, subject);
    } catch (RuntimeException e) {
      LOG.warn("No before-snapshot for the audit trail of {}: {}", subject.action(), e.toString());
      return null;
    }
  }

  private JsonNode snapshot(UUID orgId, AuditSubject subject) {
    return snapshots.row(orgId, subject.table(), subject.objectId());
  }

  /** The answer's body, when it is a JSON object (the new or changed object, or a workflow's progress). */
  private JsonNode answer(ContainerResponseContext response) {
    if (!response.hasEntity() || response.getEntity() instanceof byte[] || response.getEntity() instanceof String) {
      return null;
    }
    try {
      JsonNode node = json.valueToTree(response.getEntity());
      return node != null && node.isObject() ? node : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * A state a workflow applies to the row later (a paused campaign) is in the answer already: where the row has not
   * changed yet, an answered {@code state}/{@code status} is the after.
   */
  private static JsonNode withAnswer(JsonNode before, JsonNode after, JsonNode answer) {
    if (before == null || after == null || answer == null) {
      return after;
    }
    ObjectNode merged = after.deepCopy();
    for (String name : List.of("state", "status")) {
      JsonNode answered = answer.get(name);
      if (answered != null && answered.isTextual() && merged.has(name) && merged.get(name).equals(before.get(name))) {
        merged.put(name, answered.asText().toLowerCase(Locale.ROOT));
      }
    }
    return merged;
  }
}
