package dev.vocero.workers.dev;

import dev.vocero.workers.config.EncryptionConfig;
import dev.vocero.workers.config.Mode;
import dev.vocero.workflows.codec.PayloadKey;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.ServerCommand;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.jetty.HttpConnectorFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** {@code vocero dev}: PostgreSQL, Temporal, API and workers in one JVM, with nothing to install. */
public class DevCommand extends ServerCommand<VoceroConfiguration> {
  static final String DEFAULT_CONFIG = "classpath:vocero-dev.yml";

  public DevCommand(Application<VoceroConfiguration> application) {
    super(application, "dev", "Runs everything in one process with embedded PostgreSQL and Temporal (no install needed)");
  }

  @Override
  public void configure(Subparser subparser) {
    super.configure(subparser);
    subparser.description("Starts an embedded PostgreSQL (data kept in --data-dir), an embedded Temporal on "
        + "--temporal-port (or uses --temporal host:port), the API and the workers. The config file is optional; "
        + "any key can be overridden with -Ddw.<path>=value, e.g. -Ddw.speech.provider=openai.");
    subparser.addArgument("--http-port").type(Integer.class).setDefault(8080).help("API port");
    subparser.addArgument("--admin-port").type(Integer.class).setDefault(8081).help("admin port: health checks and metrics");
    subparser.addArgument("--temporal-port").type(Integer.class).setDefault(7233)
        .help("port of the embedded Temporal, for the temporal CLI or Web UI");
    subparser.addArgument("--data-dir").setDefault(System.getProperty("user.home") + "/.vocero/dev")
        .help("where PostgreSQL data, audio files and the dev secrets live");
    subparser.addArgument("--temporal").metavar("HOST:PORT")
        .help("use this Temporal instead of the embedded one, e.g. localhost:7233 from 'temporal server start-dev'");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    if (namespace.getString("file") == null) {
      Map<String, Object> attrs = new HashMap<>(namespace.getAttrs());
      attrs.put("file", DEFAULT_CONFIG);
      namespace = new Namespace(attrs);
    }
    super.run(bootstrap, namespace);
  }

  @Override
  protected void run(Bootstrap<VoceroConfiguration> bootstrap, Namespace ns, VoceroConfiguration config) throws Exception {
    Path dataDir = Path.of(ns.getString("data_dir")).toAbsolutePath();
    String external = ns.getString("temporal");
    EmbeddedServices embedded = EmbeddedServices.start(dataDir, external == null ? ns.getInt("temporal_port") : -1);
    config.setEmbedded(embedded);
    config.setMode(Mode.ALL);
    config.getDatabase().setUrl(embedded.jdbcUrl());
    config.getDatabase().setUser("postgres");
    config.getDatabase().setPassword("postgres");
    config.getTemporal().setTarget(external == null ? embedded.temporalTarget() : external);
    if (config.getBlobs().getEndpoint().equals(DevDefaults.BLOB_PLACEHOLDER)) {
      config.getBlobs().setEndpoint("file:" + dataDir.resolve("blobs"));
    }
    if (config.getAuth().getJwtSecret().equals(DevDefaults.SECRET_PLACEHOLDER)) {
      config.getAuth().setJwtSecret(devSecret(dataDir));
    }
    if (config.getTemporal().getEncryption().needsDevKey()) {
      config.getTemporal().getEncryption().setKeys(List.of(new EncryptionConfig.Key("dev", devPayloadKey(dataDir))));
      config.getTemporal().getEncryption().setActiveKeyId("dev");
    }
    DefaultServerFactory server = (DefaultServerFactory) config.getServerFactory();
    ((HttpConnectorFactory) server.getApplicationConnectors().get(0)).setPort(ns.getInt("http_port"));
    ((HttpConnectorFactory) server.getAdminConnectors().get(0)).setPort(ns.getInt("admin_port"));
    config.getUploads().setStagingDir(dataDir.resolve("uploads").toString());
    if (config.getTelephony().getSandbox().getJournalDir() == null) { // a restart finds what a killed run placed
      config.getTelephony().getSandbox().setJournalDir(dataDir.resolve("sandbox").toString());
    }
    if (config.getTelephony().getPublicBaseUrl().equals("http://localhost:8080")) {
      config.getTelephony().setPublicBaseUrl("http://localhost:" + ns.getInt("http_port"));
    }
    DevDefaults.remember(dataDir);
    super.run(bootstrap, ns, config);
  }

  /** A random JWT secret kept in the data directory, so tokens survive a restart of dev. */
  private static String devSecret(Path dataDir) throws java.io.IOException {
    return randomKept(dataDir.resolve("jwt-secret"), 48);
  }

  /** The AES-256 payload key, kept so that an external Temporal's histories stay readable after a restart. */
  private static String devPayloadKey(Path dataDir) throws java.io.IOException {
    return randomKept(dataDir.resolve("temporal-payload-key"), PayloadKey.KEY_BYTES);
  }

  private static String randomKept(Path file, int size) throws java.io.IOException {
    if (!Files.exists(file)) {
      byte[] bytes = new byte[size];
      new SecureRandom().nextBytes(bytes);
      Files.writeString(file, Base64.getEncoder().encodeToString(bytes), StandardCharsets.UTF_8);
    }
    return Files.readString(file, StandardCharsets.UTF_8).trim();
  }
}
