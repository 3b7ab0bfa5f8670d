package dev.vocero.api.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ApiException;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.messaging.AutoReplyDao;
import dev.vocero.store.messaging.AutoReplySettings;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/** The organisation's automatic replies to inbound SMS/WhatsApp: on or off, the assistant's instructions, limits. */
@Path("/api/v1/messages/auto-reply")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_ONLY)
public class AutoReplyResource {
  private final Jdbi jdbi;
  private final ObjectMapper json;

  public AutoReplyResource(Jdbi jdbi, ObjectMapper json) {
    this.jdbi = jdbi;
    this.json = json;
  }

  /** Replaces the settings; omitted optional fields take their defaults. */
  public record Settings(@NotNull Boolean enabled, @Size(max = 4000) String instructions,
      @Min(1) @Max(50) Integer historyMessages, @Min(1) @Max(100) Integer maxRepliesPerDay,
      @Size(max = 30) List<@NotBlank @Size(max = 40) String> handoffKeywords) {}

  public record View(boolean enabled, String instructions, int historyMessages, int maxRepliesPerDay,
      List<String> handoffKeywords, Instant updatedAt) {}

  @GET
  public View get(@Auth VoceroPrincipal admin) {
    return view(SharedDaos.of(jdbi).with(AutoReplyDao.class, dao -> dao.get(admin.orgId())));
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public View put(@Auth VoceroPrincipal admin, @NotNull @Valid Settings settings) {
    String instructions = settings.instructions() == null ? "" : settings.instructions().strip();
    if (settings.enabled() && instructions.isEmpty()) {
      throw ApiException.unprocessable("instructions_required", "Automatic replies need instructions for the"
          + " assistant (who it speaks for, what it may and may not say), e.g. \"Eres el asistente de cobranzas de"
          + " Acme; nunca prometas descuentos.\"");
    }
    AutoReplySettings defaults = AutoReplySettings.defaults(admin.orgId());
    String keywords = settings.handoffKeywords() == null ? defaults.handoffKeywords()
        : write(settings.handoffKeywords().stream().map(k -> k.strip().toLowerCase(Locale.ROOT))
            .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
    return view(jdbi.inTransaction(handle -> {
      AutoReplyDao dao = SharedDaos.attach(handle, AutoReplyDao.class);
      dao.save(admin.orgId(), settings.enabled(), instructions,
          settings.historyMessages() == null ? defaults.historyMessages() : settings.historyMessages(),
          settings.maxRepliesPerDay() == null ? defaults.maxRepliesPerDay() : settings.maxRepliesPerDay(),
          keywords, admin.userId());
      return dao.get(admin.orgId());
    }));
  }

  private View view(AutoReplySettings s) {
    try {
      return new View(s.enabled(), s.instructions(), s.historyMessages(), s.maxRepliesPerDay(),
          json.readValue(s.handoffKeywords(), new TypeReference<List<String>>() {}), s.updatedAt());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored handoff keywords are not a JSON array", e);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
