package dev.vocero.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
    assertTrue(config.getTemporal().getEncryption().isEnabled());
    assertEquals("k1", config.getTemporal().getEncryption().getActiveKeyId());
    assertEquals(2, config.getTemporal().getEncryption().getKeys().size(), "the key and the previous one (rotation)");
    assertEquals(104_857_600L, config.getUploads().getMaxBytes());
    assertEquals(8, config.getWorker().getMaxConcurrentAiActivities());
    assertEquals("file:/var/lib/vocero/blobs", config.getBlobs().getEndpoint());
    assertTrue(config.getLlm().providerSettings().isEmpty(), "both provider slots default to none");
    assertEquals(3, config.getLlm().chainSettings().maxAttempts());
  }

  @Test
  void givenTwoProviders_itShouldBuildTheChainInOrderWithDefaultsAndNoKeyInItsDescription() throws Exception {
    String yaml = """
        database:
          url: jdbc:postgresql://localhost/vocero
        auth:
          jwtSecret: a-test-secret-a-test-secret-a-test-secret
        llm:
          providers:
            - type: openai
              baseUrl: http://localhost:11434/v1/
              model: llama3.1
              jsonMode: object
            - type: gemini
              apiKey: AIza-secret
            - type: none
          cacheTtl: 10m
        """;
    VoceroConfiguration config = factory.build(
        path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "inline.yml");

    var providers = config.getLlm().providerSettings();
    assertEquals(2, providers.size());
    assertEquals("openai", providers.get(0).name());
    assertEquals("http://localhost:11434/v1", providers.get(0).baseUrl());
    assertEquals(dev.vocero.activities.llm.JsonMode.OBJECT, providers.get(0).jsonMode());
    assertEquals("gemini-2", providers.get(1).name());
    assertEquals("https://generativelanguage.googleapis.com", providers.get(1).baseUrl());
    assertEquals("gemini-2.5-flash", providers.get(1).model());
    assertFalse(providers.get(1).toString().contains("AIza-secret"));
    assertEquals(java.time.Duration.ofMinutes(10), config.getLlm().chainSettings().cacheTtl());
    assertTrue(config.getLlm().build() instanceof dev.vocero.activities.llm.LanguageModelChain);
  }

  @Test
  void givenAnUnknownProviderType_itShouldRefuseToStart() {
    String yaml = "database:\n  url: jdbc:postgresql://localhost/v\nauth:\n  jwtSecret: a-test-secret-a-test-secret-a-test\n"
        + "llm:\n  providers:\n    - type: claude\n";
    assertThrows(ConfigurationException.class, () -> factory.build(
        path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "inline.yml"));
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
