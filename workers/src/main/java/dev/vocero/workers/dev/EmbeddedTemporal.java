package dev.vocero.workers.dev;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporal's test server in real time, as {@code dev} embeds it: served on a port (the Web UI, the CLI, other worker
 * processes and tests' own clients) and, to this process, in-process.
 *
 * <p>Over the port, every request and every long poll of this process's own workers went through HTTP/2 on the
 * loopback: protobuf encoding and decoding on both sides, Netty's event loops, HPACK. A profile of the dispatch
 * benchmark put about a quarter of the JVM's CPU samples in gRPC, much of it that transport. gRPC's in-process
 * transport hands the same request objects from client to server; the services, their lock log fix and what they
 * answer are the same. {@link #channelFor} tells a client in this process which targets it can reach that way.
 */
public final class EmbeddedTemporal implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedTemporal.class);
  /** Served in this process, by port: {@link #channelFor} answers for {@code localhost:PORT} and {@code 127.0.0.1:PORT}. */
  private static final Map<Integer, String> IN_PROCESS = new ConcurrentHashMap<>();

  private final int port;
  private final TestServicesStarter services;
  private final Server onPort;
  private final Server inProcess;

  private EmbeddedTemporal(int port, TestServicesStarter services, Server onPort, Server inProcess) {
    this.port = port;
    this.services = services;
    this.onPort = onPort;
    this.inProcess = inProcess;
  }

  /** Starts the server on {@code port} (real time, as {@code TestServer.createPortBoundServer} does) and in-process. */
  public static EmbeddedTemporal start(int port) {
    TestServicesStarter services = new TestServicesStarter(true, 0);
    TemporalLockLog.install(services); // else its lock log grows, and slows it, for as long as it runs
    String name = "vocero-embedded-temporal-" + port;
    Server onPort = null;
    try {
      ServerBuilder<?> portBuilder = Grpc.newServerBuilderForPort(port, InsecureServerCredentials.create());
      GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), portBuilder);
      onPort = portBuilder.build().start();
      InProcessServerBuilder inProcessBuilder = InProcessServerBuilder.forName(name);
      GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), inProcessBuilder);
      Server inProcess = inProcessBuilder.build().start();
      IN_PROCESS.put(port, name);
      return new EmbeddedTemporal(port, services, onPort, inProcess);
    } catch (IOException | RuntimeException e) {
      if (onPort != null) {
        onPort.shutdownNow();
      }
      services.close();
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  /**
   * A channel to the embedded Temporal this process serves at {@code target}, without the network; empty for any other
   * target (an external Temporal, or one embedded in another process). The caller closes it.
   */
  public static Optional<ManagedChannel> channelFor(String target) {
    if (target == null) {
      return Optional.empty();
    }
    int colon = target.lastIndexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    String host = target.substring(0, colon);
    if (!host.equals("localhost") && !host.equals("127.0.0.1")) {
      return Optional.empty();
    }
    int port;
    try {
      port = Integer.parseInt(target.substring(colon + 1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.ofNullable(IN_PROCESS.get(port)).map(name -> InProcessChannelBuilder.forName(name).build());
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    IN_PROCESS.remove(port);
    inProcess.shutdown();
    onPort.shutdown();
    try {
      if (!onPort.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("The embedded Temporal's port did not close within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    services.close();
    inProcess.shutdownNow();
    onPort.shutdownNow();
  }
}
