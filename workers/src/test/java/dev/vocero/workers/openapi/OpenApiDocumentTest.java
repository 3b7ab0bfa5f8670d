package dev.vocero.workers.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.vocero.api.openapi.ApiReferenceResource;
import dev.vocero.api.openapi.OpenApiResource;
import dev.vocero.store.TestDatabase;
import dev.vocero.workers.OpenApiContract;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The served document is valid OpenAPI 3.1 and describes every resource method the application registers. */
@ExtendWith(DropwizardExtensionsSupport.class)
class OpenApiDocumentTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, () -> "http://127.0.0.1:9");
  /** The reference itself is not part of the API it documents. */
  static final Set<Class<?>> NOT_DOCUMENTED = Set.of(OpenApiResource.class, ApiReferenceResource.class);
  /** The operator's console serves HTML to browsers, not the API (docs/console.md). */
  static final String CONSOLE = "dev.vocero.api.console";

  @Test
  void givenTheRunningApp_whenTheDocumentIsRead_itShouldBeValidOpenApi31() throws Exception {
    String json = OpenApiContract.document(base());
    Files.writeString(Files.createDirectories(java.nio.file.Path.of("target")).resolve("openapi.json"), json);
    ParseOptions resolve = new ParseOptions();
    resolve.setResolve(true);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json, null, resolve);
    assertEquals(List.of(), parsed.getMessages(), "parser messages (every $ref must resolve)");
    assertTrue(parsed.getOpenAPI().getOpenapi().startsWith("3.1."), parsed.getOpenAPI().getOpenapi());

    HttpResponse<String> yaml = get("/openapi.yaml");
    assertEquals(200, yaml.statusCode());
    OpenAPI fromYaml = new OpenAPIV3Parser().readContents(yaml.body(), null, null).getOpenAPI();
    assertEquals(parsed.getOpenAPI().getPaths().keySet(), fromYaml.getPaths().keySet());
  }

  @Test
  void givenEveryRegisteredResourceMethod_itShouldBeInTheDocument() {
    OpenAPI document = new OpenAPIV3Parser().readContents(OpenApiContract.document(base()), null, null).getOpenAPI();
    var jersey = APP.getEnvironment().jersey().getResourceConfig();
    Set<Class<?>> resources = new TreeSet<>((a, b) -> a.getName().compareTo(b.getName()));
    Stream.concat(jersey.getClasses().stream(), jersey.getSingletons().stream().map(Object::getClass))
        .filter(type -> type.isAnnotationPresent(Path.class) && !NOT_DOCUMENTED.contains(type)
            && !type.getPackageName().equals(CONSOLE))
        .forEach(resources::add);
    assertTrue(resources.size() > 25, "resources found: " + resources);

    List<String> missing = new ArrayList<>();
    int operations = 0;
    for (Class<?> resource : resources) {
      for (Method method : resource.getMethods()) {
        String verb = httpMethod(method);
        if (verb == null) {
          if (method.isAnnotationPresent(Path.class)) {
            missing.add(resource.getSimpleName() + "." + method.getName() + " (sub-resource locator)");
          }
          continue;
        }
        operations++;
        String path = path(resource, method);
        PathItem item = document.getPaths().get(path);
        Operation operation = item == null ? null : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(verb));
        if (operation == null) {
          missing.add(resource.getSimpleName() + "." + method.getName() + " → " + verb + " " + path);
        }
      }
    }
    assertEquals(List.of(), missing, "resource methods missing from /openapi.json");
    assertEquals(operations, document.getPaths().values().stream().mapToInt(p -> p.readOperations().size()).sum(),
        "the document has operations no resource method serves");
  }

  @Test
  void givenEveryOperation_itShouldStateItsAccessAndAnswerErrorsAsApiError() {
    OpenAPI document = new OpenAPIV3Parser().readContents(OpenApiContract.document(base()), null, null).getOpenAPI();
    assertNotNull(document.getComponents().getSchemas().get("ApiError"));
    assertEquals(Set.of("bearerJwt", "twilioSignature", "retellSignature"),
        document.getComponents().getSecuritySchemes().keySet());
    List<String> wrong = new ArrayList<>();
    document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((verb, op) -> {
      String name = verb + " " + path;
      String description = op.getDescription() == null ? "" : op.getDescription();
      if (!description.contains("Requires role: ") && !description.contains("Public")) {
        wrong.add(name + ": no access rule");
      }
      if (description.contains("Requires role: ") && (op.getSecurity() == null || op.getSecurity().isEmpty())) {
        wrong.add(name + ": a role but no security requirement");
      }
      if (op.getTags() == null || op.getTags().isEmpty()) {
        wrong.add(name + ": no tag");
      }
      op.getResponses().forEach((status, response) -> {
        if (status.startsWith("4") && !errorSchema(document, response)) {
          wrong.add(name + " " + status + ": not an ApiError");
        }
      });
      if (op.getResponses().keySet().stream().noneMatch(s -> s.startsWith("4"))) {
        wrong.add(name + ": no 4xx answer");
      }
    }));
    assertEquals(List.of(), wrong);
    List<String> ids = document.getPaths().values().stream().flatMap(p -> p.readOperations().stream())
        .map(Operation::getOperationId).toList();
    assertEquals(ids.size(), Set.copyOf(ids).size(), "operationIds must be unique: " + ids);

    Operation users = document.getPaths().get("/api/v1/users").getGet();
    assertTrue(users.getDescription().contains("Requires role: admin"), users.getDescription());
    Operation pause = document.getPaths().get("/api/v1/batches/{id}/pause").getPost();
    assertTrue(pause.getDescription().contains("Requires role: admin, operator"), pause.getDescription());
    Operation login = document.getPaths().get("/api/v1/auth/login").getPost();
    assertTrue(login.getDescription().contains("Public"), login.getDescription());
  }

  @Test
  void givenTheRequestExamples_eachShouldMatchItsOwnSchema() throws Exception {
    OpenAPI document = new OpenAPIV3Parser().readContents(OpenApiContract.document(base()), null, null).getOpenAPI();
    List<String> wrong = new ArrayList<>();
    int examples = 0;
    for (var path : document.getPaths().entrySet()) {
      for (var op : path.getValue().readOperationsMap().entrySet()) {
        var json = op.getValue().getRequestBody() == null ? null
            : op.getValue().getRequestBody().getContent().get("application/json");
        if (json == null || json.getExample() == null) {
          continue;
        }
        examples++;
        SimpleRequest request = new SimpleRequest.Builder(op.getKey().name(), path.getKey())
            .withContentType("application/json").withHeader("Authorization", "Bearer example")
            .withBody(OpenApiContract.JSON.writeValueAsString(json.getExample())).build();
        ValidationReport report = OpenApiContract.validator(base()).validateRequest(request);
        if (report.hasErrors()) {
          wrong.add(op.getKey() + " " + path.getKey() + ": " + report.getMessages());
        }
      }
    }
    assertTrue(examples >= 5, "request examples: " + examples);
    assertEquals(List.of(), wrong);
  }

  private static boolean errorSchema(OpenAPI document, ApiResponse response) {
    ApiResponse resolved = response.get$ref() == null ? response
        : document.getComponents().getResponses().get(response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1));
    return resolved != null && resolved.getContent() != null && resolved.getContent().values().stream()
        .allMatch(media -> media.getSchema() != null && "#/components/schemas/ApiError".equals(media.getSchema().get$ref()));
  }

  static String httpMethod(Method method) {
    return Stream.of(method.getAnnotations())
        .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
        .filter(m -> m != null).map(HttpMethod::value).findFirst().orElse(null);
  }

  /** The URI template as JAX-RS matches it, regular expressions dropped ({@code {file: .+}} → {@code {file}}). */
  static String path(Class<?> resource, Method method) {
    String joined = "/" + resource.getAnnotation(Path.class).value()
        + (method.isAnnotationPresent(Path.class) ? "/" + method.getAnnotation(Path.class).value() : "");
    String path = joined.replaceAll("\\{\\s*(\\w[\\w.-]*)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static String base() {
    return "http://localhost:" + APP.getLocalPort();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

}
