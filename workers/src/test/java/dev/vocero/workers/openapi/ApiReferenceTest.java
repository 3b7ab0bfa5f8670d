package dev.vocero.workers.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.store.TestDatabase;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /docs} serves Swagger UI from the webjar, every asset the page loads included, pointed at /openapi.json. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ApiReferenceTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, () -> "http://127.0.0.1:9");

  @Test
  void givenTheDocsPage_itShouldLoadSwaggerUiAndItsAssetsWithoutAuthentication() throws Exception {
    HttpResponse<String> page = get("/docs");
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    Matcher assets = Pattern.compile("(?:src|href)=\"(/docs/[^\"]+)\"").matcher(page.body());
    int loaded = 0;
    while (assets.find()) {
      HttpResponse<String> asset = get(assets.group(1));
      assertEquals(200, asset.statusCode(), assets.group(1));
      assertTrue(asset.body().length() > 100, assets.group(1));
      loaded++;
    }
    assertTrue(loaded >= 4, "assets on the page: " + loaded);
    assertTrue(get("/docs/swagger-ui-bundle.js").headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
    assertTrue(get("/docs/swagger-ui.css").headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
    assertTrue(get("/docs/vocero-init.js").body().contains("url: \"/openapi.json\""));
  }

  @Test
  void givenAFileTheWebjarDoesNotHave_itShouldAnswer404() throws Exception {
    assertEquals(404, get("/docs/nothing-here.js").statusCode());
    assertEquals(404, get("/docs/index.html").statusCode(), "the webjar's own page points at a demo API");
    assertEquals(404, get("/docs/pom.properties").statusCode());
    int traversal = get("/docs/..%2F..%2Fpom.xml").statusCode();
    assertTrue(traversal == 400 || traversal == 404, "a path out of the webjar: " + traversal);
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getLocalPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
