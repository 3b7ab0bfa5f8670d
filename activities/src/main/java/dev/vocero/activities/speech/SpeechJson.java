package dev.vocero.activities.speech;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The package's shared, thread-safe ObjectMapper. */
final class SpeechJson {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private SpeechJson() {
  }
}
