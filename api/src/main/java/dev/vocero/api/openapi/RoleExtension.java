package dev.vocero.api.openapi;

import com.fasterxml.jackson.annotation.JsonView;
import dev.vocero.api.auth.Role;
import io.dropwizard.auth.Auth;
import io.swagger.v3.jaxrs2.ResolvedParameter;
import io.swagger.v3.jaxrs2.ext.AbstractOpenAPIExtension;
import io.swagger.v3.jaxrs2.ext.OpenAPIExtension;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import dev.vocero.api.idempotency.IdempotencyFilter;
import io.swagger.v3.oas.models.parameters.Parameter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads each operation's access rule from the code that enforces it ({@code @RolesAllowed}, {@code @PermitAll},
 * webhook signatures) and states it in the document; hides {@code @Auth}/{@code @Context} parameters.
 */
final class RoleExtension extends AbstractOpenAPIExtension {
  static final String BEARER = "bearerJwt";
  static final String TWILIO = "twilioSignature";
  static final String RETELL = "retellSignature";

  @Override
  public ResolvedParameter extractParameters(List<Annotation> annotations, Type type, Set<Type> typesToSkip,
      Components components, Consumes classConsumes, Consumes methodConsumes, boolean includeRequestBody,
      JsonView jsonView, Iterator<OpenAPIExtension> chain) {
    if (annotations.stream().anyMatch(a -> a instanceof Auth || a instanceof Context)) {
      return new ResolvedParameter();
    }
    if (!chain.hasNext()) {
      return new ResolvedParameter();
    }
    OpenAPIExtension next = chain.next(); // swagger sets the 3.1 flag on the first extension only: pass it on
    next.setOpenAPI31(openapi31);
    next.setSchemaResolution(schemaResolution);
    next.setConfiguration(configuration);
    return next.extractParameters(annotations, type, typesToSkip, components, classConsumes, methodConsumes,
        includeRequestBody, jsonView, chain);
  }

  @Override
  public void decorateOperation(Operation operation, Method method, Iterator<OpenAPIExtension> chain) {
    super.decorateOperation(operation, method, chain);
    Class<?> resource = method.getDeclaringClass();
    if (operation.getTags() == null || operation.getTags().isEmpty()) {
      operation.addTagsItem(tag(resource));
    }
    operation.setOperationId(operationId(resource, method));
    String rule = access(method, resource, operation);
    operation.setDescription(operation.getDescription() == null ? rule : operation.getDescription() + "\n\n" + rule);
    if (method.isAnnotationPresent(POST.class) && requires(operation, BEARER) && !declaresIdempotencyKey(method)) {
      operation.addParametersItem(idempotencyKey());
    }
    if (operation.getRequestBody() == null && consumes(method, MediaType.APPLICATION_FORM_URLENCODED)) {
      operation.setRequestBody(formFields()); // read as a MultivaluedMap, which swagger cannot describe
    }
  }

  private static boolean requires(Operation operation, String scheme) {
    return operation.getSecurity() != null && operation.getSecurity().stream().anyMatch(r -> r.containsKey(scheme));
  }

  /** Credit top-ups declare the header themselves, with the ledger's own rule (200 and {@code duplicate: true}). */
  private static boolean declaresIdempotencyKey(Method method) {
    return Arrays.stream(method.getParameterAnnotations()).flatMap(Arrays::stream)
        .anyMatch(a -> a instanceof HeaderParam h && IdempotencyFilter.HEADER.equalsIgnoreCase(h.value()));
  }

  private static Parameter idempotencyKey() {
    return new Parameter().in("header").name(IdempotencyFilter.HEADER).required(false)
        .description("Makes a retry safe: the same key with the same body within 24 hours answers the first answer"
            + " again (same status and body, header `Idempotent-Replayed: true`) instead of acting twice; the same key"
            + " with another body is 422 `idempotency_key_reused`; while the first request still runs, a duplicate"
            + " waits up to 10 seconds, then gets 409 `idempotency_in_progress` with `Retry-After`.")
        .schema(new JsonSchema().types(Set.of("string")).minLength(1).maxLength(200).pattern("^[\\x21-\\x7E]+$"));
  }

  private static boolean consumes(Method method, String type) {
    Consumes consumes = method.isAnnotationPresent(Consumes.class) ? method.getAnnotation(Consumes.class)
        : method.getDeclaringClass().getAnnotation(Consumes.class);
    return consumes != null && Arrays.asList(consumes.value()).contains(type);
  }

  private static RequestBody formFields() {
    return new RequestBody().description("The provider's form fields, all signed").content(new Content().addMediaType(
        MediaType.APPLICATION_FORM_URLENCODED, new io.swagger.v3.oas.models.media.MediaType().schema(new JsonSchema()
            .types(Set.of("object")).additionalProperties(new JsonSchema().types(Set.of("string"))))));
  }

  private static String access(Method method, Class<?> resource, Operation operation) {
    String path = resource.isAnnotationPresent(Path.class) ? resource.getAnnotation(Path.class).value() : "";
    if (path.startsWith("/webhooks/twilio") || path.startsWith("/twiml")) {
      operation.addSecurityItem(new SecurityRequirement().addList(TWILIO));
      return "Public: Twilio signs the request (`X-Twilio-Signature`).";
    }
    if (path.startsWith("/webhooks/retell")) {
      operation.addSecurityItem(new SecurityRequirement().addList(RETELL));
      return "Public: Retell signs the request (`x-retell-signature`).";
    }
    RolesAllowed roles = annotation(method, resource, RolesAllowed.class);
    if (method.isAnnotationPresent(DenyAll.class)) {
      return "Denied to everyone.";
    }
    if (roles != null) {
      operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
      return "Requires role: " + roles(roles.value());
    }
    if (annotation(method, resource, PermitAll.class) != null || hasAuthParameter(method)) {
      operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
      return "Requires role: " + roles(Role.VIEWER_OR_ABOVE) + " (any signed-in user)";
    }
    operation.setSecurity(List.of(new SecurityRequirement())); // explicitly public
    return "Public: no authentication.";
  }

  /** {@code @RolesAllowed("operator")} admits an operator or anyone above (see RoleAuthorizer). */
  static String roles(String... allowed) {
    return Arrays.stream(Role.values())
        .filter(role -> Arrays.stream(allowed).map(Role::parse).anyMatch(min -> min != null && role.atLeast(min)))
        .sorted((a, b) -> b.compareTo(a))
        .map(Role::wire)
        .collect(Collectors.joining(", "));
  }

  private static <A extends Annotation> A annotation(Method method, Class<?> resource, Class<A> type) {
    A onMethod = method.getAnnotation(type);
    return onMethod != null ? onMethod : resource.getAnnotation(type);
  }

  private static boolean hasAuthParameter(Method method) {
    return Arrays.stream(method.getParameterAnnotations()).flatMap(Arrays::stream).anyMatch(Auth.class::isInstance);
  }

  /** {@code BatchResource.create} → {@code batchCreate}: stable, readable and unique (resource methods are not overloaded). */
  private static String operationId(Class<?> resource, Method method) {
    String noun = resource.getSimpleName().replaceFirst("Resource$", "");
    return Character.toLowerCase(noun.charAt(0)) + noun.substring(1)
        + Character.toUpperCase(method.getName().charAt(0)) + method.getName().substring(1);
  }

  /** Resources carry no {@code @Tag}s: the feature package names the group ({@code dev.vocero.api.calls} → calls). */
  private static String tag(Class<?> resource) {
    String path = resource.getAnnotation(Path.class) == null ? "" : resource.getAnnotation(Path.class).value();
    if (path.startsWith("/webhooks") || path.startsWith("/twiml")) {
      return "webhooks";
    }
    String pkg = resource.getPackageName();
    return pkg.substring(pkg.lastIndexOf('.') + 1);
  }
}
