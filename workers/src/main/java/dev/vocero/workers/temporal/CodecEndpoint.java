package dev.vocero.workers.temporal;

import dev.vocero.api.auth.PlatformOperators;
import dev.vocero.api.codec.CodecResource;
import dev.vocero.api.http.CorsForOrigin;
import dev.vocero.api.http.UnreadBodyDrain;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.core.setup.Environment;

/** Serves the payload codec at /codec, with CORS for the configured Temporal Web UI only. */
public final class CodecEndpoint {
  private CodecEndpoint() {}

  public static void register(Environment env, VoceroConfiguration config, TemporalConnection temporal) {
    env.jersey().register(new CodecResource(temporal.codec(), temporal.namespace(),
        new PlatformOperators(config.getAuth().platformOperatorList())));
    String webUi = config.getTemporal().getWebUiUrl();
    if (webUi != null && !webUi.isBlank()) {
      env.servlets().addFilter("codec-cors", new CorsForOrigin(webUi))
          .addMappingForUrlPatterns(UnreadBodyDrain.REQUESTS, true, "/codec/*");
    }
  }
}
