package dev.vocero.workers.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.Wav;
import java.time.Duration;
import java.time.Instant;
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
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      JsonNode audio = api.get("/api/v1/audios/" + id, token).body();
      String status = audio.get("status").asText();
      if (status.equals("completed")) {
        return id;
      }
      if (status.equals("failed")) {
        throw new AssertionError("audio failed: " + audio.get("failureReason"));
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("audio " + id + " was never transcribed");
  }
}
