package dev.vocero.api.openapi;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.core.util.Yaml31;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Serves the generated OpenAPI 3.1 document; no authentication. */
@Hidden
@Path("/")
public class OpenApiResource {
  static final String YAML = "application/yaml";
  private final OpenApiDocument document;
  private volatile String json;
  private volatile String yaml;

  public OpenApiResource(OpenApiDocument document) {
    this.document = document;
  }

  @GET
  @Path("openapi.json")
  @Produces(MediaType.APPLICATION_JSON)
  public String json() {
    if (json == null) {
      json = Json31.pretty(document.get());
    }
    return json;
  }

  @GET
  @Path("openapi.yaml")
  @Produces(YAML)
  public String yaml() {
    if (yaml == null) {
      yaml = Yaml31.pretty(document.get());
    }
    return yaml;
  }
}
