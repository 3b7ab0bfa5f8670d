package dev.vocero.workers.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.concurrent.TimeUnit;

/**
 * One entry of {@code dropFolders:}: a local folder polled for an organization's contact lists and audio files
 * (docs/integrations.md). {@code organization} is the organization's id; {@code name} labels the folder in the audit
 * trail and logs (default: the folder's own name).
 */
public class DropFolderConfig {
  @JsonProperty @NotBlank private String organization;
  @JsonProperty @NotBlank private String path;
  @JsonProperty private String name;
  @JsonProperty @NotNull @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
  private Duration pollInterval = Duration.seconds(10);
  @JsonProperty @Pattern(regexp = "[a-z]{2}", message = "must be an ISO-639-1 code such as 'es'") private String language;

  public String getOrganization() {
    return organization;
  }

  public String getPath() {
    return path;
  }

  public String getName() {
    return name;
  }

  public Duration getPollInterval() {
    return pollInterval;
  }

  public String getLanguage() {
    return language;
  }
}
