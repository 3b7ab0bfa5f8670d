package dev.vocero.api.openapi;

import io.dropwizard.jersey.setup.JerseyEnvironment;

/** The API reference: the OpenAPI document at {@code /openapi.json|yaml} and Swagger UI at {@code /docs}, both public. */
public final class OpenApiDocs {
  private OpenApiDocs() {}

  /** The document is built on first request, from every resource registered by then (call this from any register step). */
  public static void register(JerseyEnvironment jersey) {
    jersey.register(new OpenApiResource(new OpenApiDocument(jersey.getResourceConfig())));
    jersey.register(new ApiReferenceResource());
  }
}
