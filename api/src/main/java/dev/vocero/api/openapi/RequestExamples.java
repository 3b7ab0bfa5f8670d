package dev.vocero.api.openapi;

import com.fasterxml.jackson.core.type.TypeReference;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** Adds the request examples of {@code examples.yaml} (beside this class) to the JSON bodies they belong to. */
final class RequestExamples {
  private RequestExamples() {}

  static void apply(OpenAPI document) {
    load().forEach((key, example) -> {
      String[] methodAndPath = key.split(" ", 2);
      PathItem item = document.getPaths().get(methodAndPath[1]);
      Operation operation = item == null ? null
          : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(methodAndPath[0]));
      MediaType json = operation == null || operation.getRequestBody() == null ? null
          : operation.getRequestBody().getContent().get(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
      if (json == null) {
        throw new IllegalStateException("examples.yaml names " + key + ", which takes no JSON body");
      }
      json.setExample(example);
    });
  }

  private static Map<String, Object> load() {
    try (InputStream in = RequestExamples.class.getResourceAsStream("examples.yaml")) {
      return Yaml.mapper().readValue(in, new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
