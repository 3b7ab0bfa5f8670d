package dev.vocero.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example configuration and the built-in dev one must bind to the configuration classes, key by key. */
class DeploymentConfigTest {
  private final YamlConfigurationFactory<VoceroConfiguration> factory =
      new YamlConfigurationFactory<>(VoceroConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "ignored-by-this-test"); // other tests leave dw.* properties behind
  private final SubstitutingSourceProvider source =
      new SubstitutingSourceProvider(new FileOrClasspathSourceProvider(), new EnvironmentVariableSubstitutor(false));

  @Test
  void givenTheExampleDeploymentConfig_itShouldBindEveryKey() throws Exception {
    VoceroConfiguration config = factory.build(source, Path.of("..", "deployment", "vocero.yml").toString());
    assertEquals("default", config.getTemporal().getNamespace());
    assertEquals(104_857_600L, config.getUploads().getMaxBytes());
    assertEquals(8, config.getWorker().getMaxConcurrentAiActivities());
    assertEquals("file:/var/lib/vocero/blobs", config.getBlobs().getEndpoint());
  }

  @Test
  void givenTheBuiltInDevConfig_itShouldBind() throws Exception {
    VoceroConfiguration config = factory.build(source, "classpath:vocero-dev.yml");
    assertEquals("none", config.getSpeech().providerId());
  }

  @Test
  void givenAMisspelledKey_itShouldRefuseToStart() {
    String yaml = "uploads:\n  maxByte: 10\n";
    assertThrows(ConfigurationException.class, () -> factory.build(
        path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "inline.yml"));
  }
}
