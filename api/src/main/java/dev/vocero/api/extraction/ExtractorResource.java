package dev.vocero.api.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ApiException;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.extraction.DefaultExtractors;
import dev.vocero.store.extraction.ExtractorDao;
import dev.vocero.store.extraction.ExtractorRow;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The organization's extractors: named JSON-Schema operators the language model fills from each transcript. A change
 * is a new version; the latest version of each enabled extractor runs on every processed audio.
 */
@Path("/api/v1/extractors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExtractorResource {
  private static final String NAME = "[a-z][a-z0-9_]{1,62}";

  private final Jdbi jdbi;
  private final ObjectMapper json;
  private final ExtractorSchemas schemas = new ExtractorSchemas();

  public ExtractorResource(Jdbi jdbi, ObjectMapper json) {
    this.jdbi = jdbi;
    this.json = json;
  }

  public record NewExtractor(
      @NotNull @Pattern(regexp = NAME, message = "must be 2-63 lowercase letters, digits or _, starting with a letter")
      String name,
      @NotBlank @Size(max = 500) String description,
      @NotBlank @Size(max = 4000) String instructions,
      @NotNull JsonNode schema) {}

  public record NewVersion(
      @NotBlank @Size(max = 500) String description,
      @NotBlank @Size(max = 4000) String instructions,
      @NotNull JsonNode schema) {}

  public record Versions(ExtractorView current, List<ExtractorView> versions) {}

  @GET
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public List<ExtractorView> list(@Auth VoceroPrincipal caller) {
    return jdbi.inTransaction(handle -> {
      return seeded(handle, caller).list(caller.orgId()).stream().map(row -> ExtractorView.of(row, json)).toList();
    });
  }

  @POST
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  @ApiResponse(responseCode = "201", description = "Created",
      content = @Content(schema = @Schema(implementation = ExtractorView.class)))
  public Response create(@Auth VoceroPrincipal caller, @NotNull @Valid NewExtractor body) {
    schemas.check(body.schema());
    ExtractorRow row = jdbi.inTransaction(handle -> {
      return seeded(handle, caller).create(caller.orgId(), body.name(), body.description().trim(), body.instructions().trim(),
          body.schema().toString(), caller.userId())
          .orElseThrow(() -> ApiException.conflict("extractor_exists", "An extractor named '" + body.name()
              + "' already exists; add a version with POST /api/v1/extractors/" + body.name() + "/versions."));
    });
    return Response.created(URI.create("/api/v1/extractors/" + row.name())).entity(ExtractorView.of(row, json)).build();
  }

  @GET
  @Path("/{name}")
  @RolesAllowed(Role.VIEWER_OR_ABOVE)
  public Versions get(@Auth VoceroPrincipal caller, @PathParam("name") String name) {
    List<ExtractorView> versions = jdbi.inTransaction(handle -> seeded(handle, caller).versions(caller.orgId(), name))
        .stream().map(row -> ExtractorView.of(row, json)).toList();
    if (versions.isEmpty()) {
      throw ApiException.notFound("Extractor '" + name + "'");
    }
    return new Versions(versions.get(versions.size() - 1), versions);
  }

  @POST
  @Path("/{name}/versions")
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  @ApiResponse(responseCode = "201", description = "Created",
      content = @Content(schema = @Schema(implementation = ExtractorView.class)))
  public Response addVersion(@Auth VoceroPrincipal caller, @PathParam("name") String name,
      @NotNull @Valid NewVersion body) {
    schemas.check(body.schema());
    ExtractorRow row = found(name, jdbi.inTransaction(handle -> seeded(handle, caller).addVersion(caller.orgId(), name,
        body.description().trim(), body.instructions().trim(), body.schema().toString(), caller.userId())));
    return Response.created(URI.create("/api/v1/extractors/" + name)).entity(ExtractorView.of(row, json)).build();
  }

  @POST
  @Path("/{name}/enable")
  @Consumes(MediaType.WILDCARD) // no body: a bare curl -X POST must work
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public ExtractorView enable(@Auth VoceroPrincipal caller, @PathParam("name") String name) {
    return setEnabled(caller, name, true);
  }

  @POST
  @Path("/{name}/disable")
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed(Role.OPERATOR_OR_ABOVE)
  public ExtractorView disable(@Auth VoceroPrincipal caller, @PathParam("name") String name) {
    return setEnabled(caller, name, false);
  }

  private ExtractorView setEnabled(VoceroPrincipal caller, String name, boolean enabled) {
    ExtractorRow row = found(name, jdbi.inTransaction(handle -> {
      ExtractorDao dao = seeded(handle, caller);
      return dao.setEnabled(caller.orgId(), name, enabled) == 0 ? Optional.<ExtractorRow>empty()
          : dao.find(caller.orgId(), name);
    }));
    return ExtractorView.of(row, json);
  }

  /** Organizations created before extractors existed get the defaults on first use. */
  private static ExtractorDao seeded(Handle handle, VoceroPrincipal caller) {
    ExtractorDao dao = SharedDaos.attach(handle, ExtractorDao.class);
    DefaultExtractors.seedIfNone(dao, caller.orgId());
    return dao;
  }

  private static ExtractorRow found(String name, Optional<ExtractorRow> row) {
    return row.orElseThrow(() -> ApiException.notFound("Extractor '" + name + "'"));
  }
}
