package dev.vocero.activities.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vocero.activities.telephony.SandboxConfig;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A {@code dev} started again after a crash finds the messages the killed run's sandbox sent, as Twilio would. */
class SandboxMessagingJournalTest {
  private static final Instant NOW = Instant.parse("2026-11-22T03:00:02Z");
  private static final String TOKEN = "sandbox-journal-test-token";

  private static MessageRequest request(UUID id) {
    return new MessageRequest(id, MessageRequest.SMS, "+573001234560", "+14155550199", "Hola Ana", null, null,
        URI.create("http://127.0.0.1:9/webhooks/twilio/messaging/status"));
  }

  private static SandboxMessaging sandbox(SandboxConfig config) {
    return new SandboxMessaging(config, TOKEN, null, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void givenAJournal_whenARestartedSandboxIsAskedForAMessageTheEarlierOneSent_itShouldFindIt() throws Exception {
    SandboxConfig config = new SandboxConfig();
    config.setJournalDir(Files.createTempDirectory("sandbox-journal").toString());
    UUID message = UUID.randomUUID();
    SandboxMessaging killed = sandbox(config);
    SentMessage sent = killed.send(request(message));
    killed.close();

    SandboxMessaging restarted = sandbox(config);
    try {
      assertEquals(Optional.of(new SentMessage(sent.sid(), "sent")), restarted.findSent(request(message),
          NOW.minusSeconds(1)), "found, so not sent again");
      assertEquals(Optional.empty(), restarted.findSent(request(UUID.randomUUID()), NOW.minusSeconds(1)));
      assertEquals(Optional.empty(), restarted.findSent(request(message), NOW.plusSeconds(1)));
    } finally {
      restarted.close();
    }
  }

  @Test
  void givenNoJournal_whenARestartedSandboxIsAsked_itShouldNotFindWhatAnotherInstanceSent() {
    SandboxMessaging killed = sandbox(new SandboxConfig());
    UUID message = UUID.randomUUID();
    killed.send(request(message));
    killed.close();
    SandboxMessaging other = sandbox(new SandboxConfig());
    try {
      assertEquals(Optional.empty(), other.findSent(request(message), NOW.minusSeconds(1)));
    } finally {
      other.close();
    }
  }
}
