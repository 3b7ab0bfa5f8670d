package dev.vocero.workers.temporal;

import dev.vocero.workers.config.TemporalConfig;
import dev.vocero.workers.dev.EmbeddedTemporal;
import io.grpc.ManagedChannel;
import com.uber.m3.tally.NoopScope;
import com.uber.m3.tally.Scope;
import dev.vocero.workflows.codec.EncryptionCodec;
import io.dropwizard.lifecycle.Managed;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.interceptors.WorkflowClientInterceptor;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.serviceclient.SimpleSslContextBuilder;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The gRPC stubs and client to one Temporal namespace, built once per process; closed on shutdown. */
public class TemporalConnection implements Managed {
  private final TemporalConfig config;
  private final WorkflowServiceStubs stubs;
  private final WorkflowClient client;
  private final EncryptionCodec codec;
  /** The in-process channel to a Temporal embedded in this process, else null (the stubs own their channel). */
  private final ManagedChannel inProcess;

  public TemporalConnection(TemporalConfig config) {
    this(config, new NoopScope());
  }

  /** {@code metrics}: where the SDK reports its client and worker metrics; {@code interceptors}: on every client call. */
  public TemporalConnection(TemporalConfig config, Scope metrics, WorkflowClientInterceptor... interceptors) {
    this.config = config;
    WorkflowServiceStubsOptions.Builder options = WorkflowServiceStubsOptions.newBuilder();
    // dev's own Temporal, in this process: no HTTP/2 on the loopback (EmbeddedTemporal); otherwise the network
    this.inProcess = secured() ? null : EmbeddedTemporal.channelFor(config.getTarget()).orElse(null);
    if (inProcess != null) {
      options.setChannel(inProcess);
    } else {
      options.setTarget(config.getTarget());
    }
    options.setMetricsScope(metrics)
        .setRpcTimeout(Duration.ofSeconds(config.getRpcTimeoutSeconds()))
        // fail fast when Temporal is down, so the API can answer 503 instead of hanging
        .setRpcRetryOptions(RpcRetryOptions.newBuilder().setExpiration(Duration.ofSeconds(config.getRpcTimeoutSeconds()))
            .validateBuildWithDefaults());
    configureSecurity(options);
    this.stubs = WorkflowServiceStubs.newServiceStubs(options.build());
    this.codec = config.getEncryption().build();
    // the client's converter is the workers' too: every payload Vocero writes or reads goes through the codec
    this.client = WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder().setNamespace(config.getNamespace())
        .setDataConverter(codec.dataConverter()).setInterceptors(interceptors).build());
  }

  private boolean secured() {
    return config.getClientCertPath() != null || config.isTls()
        || config.getApiKey() != null && !config.getApiKey().isBlank();
  }

  private void configureSecurity(WorkflowServiceStubsOptions.Builder options) {
    if (config.getClientCertPath() != null && config.getClientKeyPath() != null) {
      try (InputStream cert = Files.newInputStream(Path.of(config.getClientCertPath()));
          InputStream key = Files.newInputStream(Path.of(config.getClientKeyPath()))) {
        options.setSslContext(SimpleSslContextBuilder.forPKCS8(cert, key).build());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read temporal.clientCertPath / temporal.clientKeyPath", e);
      }
    } else if (config.isTls() || config.getApiKey() != null && !config.getApiKey().isBlank()) {
      options.setEnableHttps(true);
    }
    if (config.getApiKey() != null && !config.getApiKey().isBlank()) {
      String key = config.getApiKey();
      options.addApiKey(() -> key);
    }
  }

  public WorkflowClient client() {
    return client;
  }

  /** The payload codec, also served at /codec for the Temporal Web UI and CLI. */
  public EncryptionCodec codec() {
    return codec;
  }

  /** True when this process reaches Temporal in-process: the {@code dev} Temporal it embeds itself. */
  public boolean inProcess() {
    return inProcess != null;
  }

  public WorkflowServiceStubs stubs() {
    return stubs;
  }

  public String namespace() {
    return config.getNamespace();
  }

  public OperatorServiceStubs operatorStubs() {
    OperatorServiceStubsOptions.Builder options = OperatorServiceStubsOptions.newBuilder()
        .setChannel(stubs.getRawChannel())
        .setRpcTimeout(Duration.ofSeconds(config.getRpcTimeoutSeconds()));
    return OperatorServiceStubs.newServiceStubs(options.validateAndBuildWithDefaults());
  }

  @Override
  public void stop() {
    stubs.shutdown();
    if (inProcess != null) {
      inProcess.shutdown();
    }
  }
}
