package dev.vocero.api.console;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;

/** The console's scripts and styles: htmx, its SSE extension and uPlot from their webjars, and our own two files. */
@Hidden
@ConsolePage
@Path("/assets")
public class ConsoleAssets {
  private static final String WEBJARS = "META-INF/resources/webjars/";
  private static final Map<String, String> FILES = Map.of(
      "htmx.min.js", WEBJARS + "htmx.org/" + version("htmx.org") + "/dist/htmx.min.js",
      "htmx-sse.js", WEBJARS + "htmx-ext-sse/" + version("htmx-ext-sse") + "/sse.js",
      "uPlot.iife.min.js", WEBJARS + "uplot/" + version("uplot") + "/dist/uPlot.iife.min.js",
      "uPlot.min.css", WEBJARS + "uplot/" + version("uplot") + "/dist/uPlot.min.css",
      "console.js", "console/assets/console.js",
      "console.css", "console/assets/console.css");

  @GET
  @Path("{file}")
  @SignedOut
  public Response file(@PathParam("file") String file) {
    String resource = FILES.get(file);
    InputStream in = resource == null ? null : ConsoleAssets.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new NotFoundException();
    }
    String type = file.endsWith(".css") ? "text/css;charset=UTF-8" : "text/javascript;charset=UTF-8";
    return Response.ok(in, type).header("Cache-Control", "public, max-age=3600").build();
  }

  /** The webjar's version from its Maven metadata, so a version bump in the pom needs no change here. */
  private static String version(String artifact) {
    String pom = "META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
    try (InputStream in = ConsoleAssets.class.getClassLoader().getResourceAsStream(pom)) {
      java.util.Properties properties = new java.util.Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (java.io.IOException | NullPointerException e) {
      throw new IllegalStateException("webjar " + artifact + " is not on the classpath", e);
    }
  }
}
