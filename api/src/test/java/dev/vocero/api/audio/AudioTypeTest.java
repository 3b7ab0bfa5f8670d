package dev.vocero.api.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Real files made with ffmpeg from a 0.3 s tone (tone.*): the format must come from the bytes, not the name. */
class AudioTypeTest {

  @ParameterizedTest
  @CsvSource({
      "tone.wav, audio/wav",
      "tone.mp3, audio/mpeg",
      "tone.m4a, audio/mp4",
      "tone.ogg, audio/ogg",
      "tone.opus, audio/ogg",
      "tone.flac, audio/flac",
      "tone.webm, audio/webm"})
  void givenARealAudioFile_itShouldDetectItsFormat(String file, String expected) throws IOException {
    try (InputStream in = new BufferedInputStream(getClass().getResourceAsStream("/audio/" + file))) {
      assertEquals(Optional.of(expected), AudioType.detect(in));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"just some text pretending to be a wav", "<html><body>hi</body></html>", "%PDF-1.7\n"})
  void givenSomethingElse_itShouldNotBeAccepted(String content) throws IOException {
    InputStream in = new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    assertTrue(AudioType.detect(in).isEmpty());
  }
}
