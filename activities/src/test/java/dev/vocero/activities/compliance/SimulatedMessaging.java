package dev.vocero.activities.compliance;

import dev.vocero.activities.messaging.MessageRequest;
import dev.vocero.activities.messaging.Messaging;
import dev.vocero.activities.messaging.SentMessage;
import dev.vocero.store.calls.DncDao;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * The messaging provider of the simulation: accepts every message, and for one in forty (by the seed) the person
 * answers STOP at once, which puts the number on the organisation's DNC list exactly as the inbound webhook's intake
 * does ({@code DncDao.add}, source {@code <channel>_opt_out}). Automatic replies are not contacts, so none are sent.
 */
final class SimulatedMessaging implements Messaging {
  private final long seed;
  private final UUID orgId;
  private final Jdbi jdbi;
  private final Clock clock;
  private final Map<String, Instant> stoppedAt = new ConcurrentHashMap<>();
  private final Map<UUID, SentMessage> sent = new ConcurrentHashMap<>();

  SimulatedMessaging(long seed, UUID orgId, Jdbi jdbi, Clock clock) {
    this.seed = seed;
    this.orgId = orgId;
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** The numbers that answered STOP, with the server time of the reply. */
  Map<String, Instant> stoppedAt() {
    return Map.copyOf(stoppedAt);
  }

  @Override
  public String provider() {
    return "simulated";
  }

  @Override
  public SentMessage send(MessageRequest request) {
    SentMessage message = sent.computeIfAbsent(request.messageId(),
        id -> new SentMessage("SM" + id.toString().replace("-", ""), "queued"));
    if (replyStop(request.messageId()) && !stoppedAt.containsKey(request.to())) {
      stoppedAt.put(request.to(), clock.instant());
      jdbi.useExtension(DncDao.class, dao -> dao.add(orgId, request.to(), "opt-out reply by " + request.channel(),
          request.channel() + "_opt_out"));
    }
    return message;
  }

  @Override
  public Optional<SentMessage> findSent(MessageRequest request, Instant notBefore) {
    return Optional.ofNullable(sent.get(request.messageId()));
  }

  private boolean replyStop(UUID messageId) {
    UUID hash = UUID.nameUUIDFromBytes((seed + ":stop:" + messageId).getBytes(StandardCharsets.UTF_8));
    return Math.floorMod(hash.getLeastSignificantBits(), 40L) == 0;
  }
}
