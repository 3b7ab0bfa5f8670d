package dev.vocero.activities.llm;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The package's shared, thread-safe ObjectMapper. */
final class LlmJson {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private LlmJson() {
  }
}
