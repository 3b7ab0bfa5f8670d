package dev.vocero.workers.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vocero.activities.llm.JsonMode;
import dev.vocero.activities.llm.ProviderSettings;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Locale;

/** One entry of {@code llm.providers}; an entry of type {@code none} is ignored (an unused slot in the YAML). */
public class LlmProviderConfig {
  public static final String NONE = "none";

  /** Shown as the answering provider; defaults to the type ({@code openai}, {@code gemini}). */
  @Pattern(regexp = "[A-Za-z0-9_.\\-]{0,40}", message = "must be letters, digits, _, . or - (at most 40)")
  @JsonProperty private String name;
  @NotNull @Pattern(regexp = "(?i)none|openai|gemini", message = "must be none, openai or gemini")
  @JsonProperty private String type = NONE;
  /** openai: up to and including /v1 (default https://api.openai.com/v1); gemini: the host (default Google's). */
  @JsonProperty private String baseUrl;
  @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) private String apiKey;
  /** Default gpt-4o-mini (openai) or gemini-2.5-flash (gemini). */
  @JsonProperty private String model;
  @Pattern(regexp = "(?i)|schema|object|none", message = "must be schema, object or none")
  @JsonProperty private String jsonMode = "schema";

  public String type() {
    return type == null || type.isBlank() ? NONE : type.trim().toLowerCase(Locale.ROOT);
  }

  public boolean used() {
    return !NONE.equals(type());
  }

  ProviderSettings settings(int position, Duration connectTimeout, Duration requestTimeout) {
    String resolvedName = blank(name) ? type() + (position == 0 ? "" : "-" + (position + 1)) : name.trim();
    boolean openai = ProviderSettings.OPENAI.equals(type());
    String url = blank(baseUrl) ? (openai ? "https://api.openai.com/v1" : "https://generativelanguage.googleapis.com")
        : baseUrl.trim();
    String resolvedModel = blank(model) ? (openai ? "gpt-4o-mini" : "gemini-2.5-flash") : model.trim();
    return new ProviderSettings(resolvedName, type(), url, blank(apiKey) ? null : apiKey.trim(), resolvedModel,
        JsonMode.parse(jsonMode), connectTimeout, requestTimeout);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
