package dev.vocero.api.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The parts every operation shares: security schemes, the {@code ApiError} schema and the 4xx answers that use it. */
final class StandardResponses {
  static final String API_ERROR = "ApiError";
  private static final String DISPOSITION = "FormDataContentDisposition";
  private static final String DETAIL = API_ERROR + ".Detail"; // the name ViewNames gives the record, for views that embed it
  private static final Map<String, String[]> ERRORS = new LinkedHashMap<>();

  static {
    ERRORS.put("400", new String[] {"BadRequest", "The body is missing or not valid JSON.", "bad_request"});
    ERRORS.put("401", new String[] {"Unauthorized", "No valid access token.", "unauthorized"});
    ERRORS.put("403", new String[] {"Forbidden", "The caller's role (or the webhook signature, or a closed sign-up) does"
        + " not allow this.", "forbidden"});
    ERRORS.put("404", new String[] {"NotFound", "Nothing with this id in the caller's organization.", "not_found"});
    ERRORS.put("409", new String[] {"Conflict", "The resource's state does not allow this now.", "conflict"});
    ERRORS.put("413", new String[] {"PayloadTooLarge", "The body is over the configured limit.", "file_too_large"});
    ERRORS.put("414", new String[] {"UriTooLong", "The address (path and query) is over the server's limit.",
        "uri_too_long"});
    ERRORS.put("415", new String[] {"UnsupportedMediaType", "The body's type (or file format) is not accepted.",
        "unsupported_media_type"});
    ERRORS.put("422", new String[] {"Unprocessable", "The request is well-formed but a field is invalid; `details` names it.",
        "invalid_request"});
    ERRORS.put("429", new String[] {"TooManyRequests", "Rate limited; retry after the `Retry-After` seconds.",
        "too_many_attempts"});
    ERRORS.put("431", new String[] {"HeadersTooLarge", "The request headers are over the server's limit.",
        "headers_too_large"});
    ERRORS.put("503", new String[] {"Unavailable", "A dependency (PostgreSQL or Temporal) is unreachable; retry after the"
        + " `Retry-After` seconds.", "unavailable"});
  }

  private StandardResponses() {}

  static void apply(OpenAPI document) {
    Components components = document.getComponents() == null ? new Components() : document.getComponents();
    document.setComponents(components);
    components.addSecuritySchemes(RoleExtension.BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
        .description("Access token from `POST /api/v1/auth/login` (a JWT, 30 minutes; renew with `/refresh`), or an API key"
            + " (`vk_…`) from `POST /api/v1/api-keys`."));
    components.addSecuritySchemes(RoleExtension.TWILIO, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
        .in(SecurityScheme.In.HEADER).name("X-Twilio-Signature")
        .description("HMAC-SHA1 of the public URL and form fields with the Twilio auth token."));
    components.addSecuritySchemes(RoleExtension.RETELL, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
        .in(SecurityScheme.In.HEADER).name("x-retell-signature").description("Retell's signature of the raw body."));
    components.addSchemas(API_ERROR, apiError());
    components.addSchemas(DETAIL, detail());
    ERRORS.forEach((status, error) -> components.addResponses(error[0], new ApiResponse().description(error[1])
        .content(new Content().addMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON, new MediaType()
            .schema(new JsonSchema().$ref("#/components/schemas/" + API_ERROR))
            .example(Map.of("code", error[2], "message", error[1], "details", List.of()))))));
    if (document.getPaths() != null) {
      document.getPaths().values().forEach(item -> item.readOperationsMap().forEach((method, op) -> decorate(method, op)));
    }
    components.getSchemas().remove(DISPOSITION);
  }

  private static void decorate(PathItem.HttpMethod method, Operation operation) {
    ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    operation.setResponses(responses);
    boolean bearer = requires(operation, RoleExtension.BEARER);
    boolean signed = requires(operation, RoleExtension.TWILIO) || requires(operation, RoleExtension.RETELL);
    ApiResponse fallback = responses.remove("default");
    if (fallback != null && hasSchema(fallback)) { // a typed return value: Jersey answers 200
      responses.addApiResponse("200", fallback.description("OK"));
    } else if (fallback != null && (signed || method == PathItem.HttpMethod.DELETE)) { // webhooks and deletes answer 204
      responses.addApiResponse("204", new ApiResponse().description("No content"));
    } else if (fallback != null) {
      responses.addApiResponse("default", fallback);
    }
    fileParts(operation);
    boolean writes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
    for (String status : ERRORS.keySet()) {
      boolean applies = switch (status) {
        case "401" -> !signed; // signed-in operations, and sign-in itself (wrong password, spent refresh token)
        case "403" -> bearer || signed || writes; // public writes too: sign-up may be closed
        case "409", "429" -> writes;
        default -> true;
      };
      if (applies && !responses.containsKey(status)) {
        responses.addApiResponse(status, new ApiResponse().$ref("#/components/responses/" + ERRORS.get(status)[0]));
      }
    }
  }

  /** A Jersey multipart file arrives as InputStream + FormDataContentDisposition: on the wire it is a binary part. */
  private static void fileParts(Operation operation) {
    if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
      return;
    }
    MediaType multipart = operation.getRequestBody().getContent().get(jakarta.ws.rs.core.MediaType.MULTIPART_FORM_DATA);
    if (multipart == null || multipart.getSchema() == null || multipart.getSchema().getProperties() == null) {
      return;
    }
    Map<String, Schema> parts = multipart.getSchema().getProperties();
    parts.replaceAll((name, part) -> part.get$ref() != null && part.get$ref().endsWith("/" + DISPOSITION)
        ? new JsonSchema().types(Set.of("string")).format("binary") : part);
  }

  private static boolean hasSchema(ApiResponse response) {
    return response.getContent() != null && response.getContent().values().stream().anyMatch(m -> m.getSchema() != null);
  }

  private static boolean requires(Operation operation, String scheme) {
    return operation.getSecurity() != null
        && operation.getSecurity().stream().anyMatch((SecurityRequirement r) -> r.containsKey(scheme));
  }

  private static Schema<?> detail() {
    return new JsonSchema().types(Set.of("object"))
        .addProperty("field", new JsonSchema().types(Set.of("string", "null")).description("The field at fault, as sent"))
        .addProperty("code", new JsonSchema().types(Set.of("string")).description("Stable; from the failed constraint"))
        .addProperty("message", new JsonSchema().types(Set.of("string")))
        .required(List.of("code", "message"));
  }

  private static Schema<?> apiError() {
    return new JsonSchema().types(Set.of("object"))
        .description("The one error shape of every 4xx (and 5xx) answer.")
        .addProperty("code", new JsonSchema().types(Set.of("string")).description("Stable, machine-readable"))
        .addProperty("message", new JsonSchema().types(Set.of("string")).description("For people; may change"))
        .addProperty("details", new JsonSchema().types(Set.of("array"))
            .items(new JsonSchema().$ref("#/components/schemas/" + DETAIL)))
        .required(List.of("code", "message"))
        .example(Map.of("code", "invalid_request", "message", "The request has invalid fields.",
            "details", List.of(Map.of("field", "timeZone", "code", "time_zone", "message", "must be an IANA time zone"))));
  }
}
