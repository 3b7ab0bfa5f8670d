package dev.vocero.workers.chat;

import dev.vocero.workers.ApiClient;
import dev.vocero.workers.Wav;
import java.time.Duration;
import java.util.Map;

/** Uploads a recording through the API and waits until its transcript is stored. */
final class ChatTestSupport {
  private ChatTestSupport() {}

  static String transcribedAudio(ApiClient api, String token, String title) {
    ApiClient.Reply accepted = api.upload("/api/v1/audios", token, "file", title + ".wav", Wav.tone(1.5, 440),
        Map.of("language", "es", "title", title));
    if (accepted.status() != 202) {
      throw new AssertionError("upload failed: " + accepted.status() + " " + accepted.body());
    }
    String id = accepted.body().get("id").asText();
    api.awaitCompletedAudio(id, token, Duration.ofSeconds(60));
    return id;
  }
}
