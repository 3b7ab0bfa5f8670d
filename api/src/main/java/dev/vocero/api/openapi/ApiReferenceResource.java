package dev.vocero.api.openapi;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;

/** Swagger UI from its webjar (no CDN) at {@code /docs}, pointed at {@code /openapi.json}. */
@Hidden
@Path("/docs")
public class ApiReferenceResource {
  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
  private static final Map<String, String> TYPES = Map.of(
      "js", "text/javascript", "css", "text/css", "png", "image/png", "map", MediaType.APPLICATION_JSON); // not the webjar's own pages
  private static final String INDEX = """
      <!doctype html>
      <html lang="en">
      <head>
        <meta charset="utf-8">
        <title>Vocero API reference</title>
        <link rel="stylesheet" href="/docs/swagger-ui.css">
        <link rel="icon" type="image/png" href="/docs/favicon-32x32.png">
      </head>
      <body>
        <div id="swagger-ui"></div>
        <script src="/docs/swagger-ui-bundle.js"></script>
        <script src="/docs/vocero-init.js"></script>
      </body>
      </html>
      """;
  // a separate file, not inline: keeps the page working under a Content-Security-Policy without 'unsafe-inline'
  private static final String INIT = """
      window.ui = SwaggerUIBundle({url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true,
          persistAuthorization: true, tryItOutEnabled: false});
      """;
  private final String version = webjarVersion();

  @GET
  @Produces(MediaType.TEXT_HTML)
  public String index() {
    return INDEX;
  }

  @GET
  @Path("/vocero-init.js")
  @Produces("text/javascript")
  public String init() {
    return INIT;
  }

  @GET
  @Path("/{file: [A-Za-z0-9._-]+}")
  public Response asset(@PathParam("file") String file) {
    String extension = file.substring(file.lastIndexOf('.') + 1);
    InputStream in = TYPES.containsKey(extension) && !file.startsWith(".")
        ? ApiReferenceResource.class.getClassLoader().getResourceAsStream(WEBJAR + version + "/" + file) : null;
    if (in == null) {
      throw new NotFoundException();
    }
    CacheControl cache = new CacheControl();
    cache.setMaxAge(86_400);
    return Response.ok(in, TYPES.get(extension)).cacheControl(cache).build();
  }

  private static String webjarVersion() {
    try (InputStream in = ApiReferenceResource.class.getClassLoader()
        .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (Exception e) {
      throw new IllegalStateException("the swagger-ui webjar is missing from the classpath", e);
    }
  }
}
