package dev.vocero.api.openapi;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.jaxrs2.ext.OpenAPIExtensions;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Builds the OpenAPI 3.1 document once, from the JAX-RS resources registered in the application. */
public final class OpenApiDocument {
  public static final String TITLE = "Vocero API";
  private final Application application;
  private volatile OpenAPI built;

  public OpenApiDocument(Application application) {
    this.application = application;
  }

  public OpenAPI get() {
    OpenAPI document = built;
    if (document == null) {
      synchronized (this) {
        if (built == null) {
          built = build(resourceClasses(application));
        }
        document = built;
      }
    }
    return document;
  }

  /** The documented resources: every registered class or instance with {@code @Path} and without {@code @Hidden}. */
  public static Set<Class<?>> resourceClasses(Application application) {
    Set<Class<?>> classes = new TreeSet<>(Comparator.comparing(Class::getName));
    Stream.concat(application.getClasses().stream(), application.getSingletons().stream().map(Object::getClass))
        .filter(type -> type.isAnnotationPresent(Path.class) && !type.isAnnotationPresent(Hidden.class))
        .forEach(classes::add);
    return classes;
  }

  static OpenAPI build(Set<Class<?>> resources) {
    installExtensions();
    OpenAPI base = new OpenAPI().info(new Info().title(TITLE).version("1.0")
        .description("Voice-AI operations as durable workflows. Sign in with `POST /api/v1/auth/login`, then send "
            + "`Authorization: Bearer <accessToken>`. Every 4xx answer is an `ApiError`."));
    SwaggerConfiguration config = new SwaggerConfiguration().openAPI(base).openAPI31(true).prettyPrint(true)
        .readAllResources(true);
    OpenAPI document = new Reader(config).read(new LinkedHashSet<>(resources));
    StandardResponses.apply(document);
    RequestExamples.apply(document);
    EventDocs.apply(document);
    return document;
  }

  private static synchronized void installExtensions() {
    if (OpenAPIExtensions.getExtensions().stream().noneMatch(RoleExtension.class::isInstance)) {
      OpenAPIExtensions.getExtensions().add(0, new RoleExtension());
      ModelConverters.getInstance(true).addConverter(ViewNames.resolver());
      ModelConverters.getInstance(true).addConverter(new NullableFields()); // added last, so it runs first
    }
  }
}
