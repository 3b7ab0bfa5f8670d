package dev.vocero.activities.messaging;

import dev.vocero.store.SharedDaos;
import dev.vocero.workflows.messaging.MessageFailure;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.activities.llm.LanguageModel;
import dev.vocero.activities.llm.LanguageModelException;
import dev.vocero.activities.llm.LlmAnswer;
import dev.vocero.store.calls.ContactDao;
import dev.vocero.domain.calls.ContactTemplate;
import dev.vocero.store.calls.DncDao;
import dev.vocero.store.messaging.AutoReplyDao;
import dev.vocero.store.messaging.AutoReplySettings;
import dev.vocero.credits.CreditLedger.ReservationStatus;
import dev.vocero.domain.credits.CreditPrices;
import dev.vocero.credits.MessageCredits;
import dev.vocero.store.messaging.MessageDao;
import dev.vocero.store.messaging.MessageRow;
import dev.vocero.workflows.messaging.MessagingIds;
import dev.vocero.workflows.messaging.ReplyActivities;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Automatic replies: the decision in PostgreSQL, the answer from the language model, the send effectively once. */
public final class ReplyActivitiesImpl implements ReplyActivities {
  /** Longer answers are cut: an SMS over 1600 characters is refused, and customers do not read essays. */
  static final int MAX_REPLY_CHARS = 1000;
  private static final Logger LOG = LoggerFactory.getLogger(ReplyActivitiesImpl.class);

  private final Jdbi jdbi;
  private final LanguageModel model;
  private final OutboundSender sender;
  private final MessageCredits credits;
  private final ObjectMapper json;
  private final Clock clock;

  /** With the default price table. */
  public ReplyActivitiesImpl(Jdbi jdbi, LanguageModel model, Messaging messaging, MessagingSettings settings,
      ObjectMapper json, Clock clock) {
    this(jdbi, model, messaging, settings, json, clock, CreditPrices.defaults());
  }

  /** Replies and operator messages are held against the organization's credits before sending, like a wave's. */
  public ReplyActivitiesImpl(Jdbi jdbi, LanguageModel model, Messaging messaging, MessagingSettings settings,
      ObjectMapper json, Clock clock, CreditPrices prices) {
    this.jdbi = jdbi;
    this.model = model;
    this.credits = new MessageCredits(jdbi, prices);
    this.sender = new OutboundSender(jdbi, messaging, settings, credits);
    this.json = json;
    this.clock = clock;
  }

  /** False (and the message cancelled with no_credit) when enforced credits cannot cover it. */
  private boolean covered(MessageRow message) {
    if (credits.reserve(message).status() != ReservationStatus.INSUFFICIENT) {
      return true;
    }
    SharedDaos.of(jdbi).use(MessageDao.class, dao -> dao.advance(message.id(), "cancelled", "no_credit"));
    LOG.info("Message {} not sent: no credit", message.id());
    return false;
  }

  @Override
  public ReplyPlan decide(InboundMessage message) {
    Optional<MessageRow> found = inbound(message);
    if (found.isEmpty()) {
      return new ReplyPlan(Decision.UNKNOWN_MESSAGE);
    }
    MessageRow inbound = found.get();
    UUID org = message.orgId();
    String phone = inbound.phoneE164();
    AutoReplySettings settings = SharedDaos.of(jdbi).with(AutoReplyDao.class, dao -> dao.get(org));
    Decision decision = jdbi.inTransaction(handle -> {
      MessageDao messages = SharedDaos.attach(handle, MessageDao.class);
      if (!settings.enabled()) {
        return Decision.DISABLED;
      }
      if (!model.configured()) {
        return Decision.NO_MODEL;
      }
      if (SharedDaos.attach(handle, DncDao.class).contains(org, phone)) {
        return Decision.OPTED_OUT;
      }
      if (messages.takenOver(org, phone)) {
        return Decision.TAKEN_OVER;
      }
      if (messages.findById(MessagingIds.replyMessageId(inbound.id())).isPresent()) {
        return Decision.ALREADY_REPLIED;
      }
      if (HandoffKeywords.matches(inbound.body(), keywords(settings))) {
        messages.takeOver(org, phone, null, MessageDao.BY_CUSTOMER);
        return Decision.HANDED_OFF;
      }
      if (messages.inboundAfter(org, phone, inbound.createdAt())) {
        return Decision.SUPERSEDED;
      }
      if (messages.automaticSince(org, phone, clock.instant().minus(Duration.ofDays(1)))
          >= settings.maxRepliesPerDay()) {
        return Decision.DAILY_LIMIT;
      }
      return Decision.REPLY;
    });
    LOG.info("Inbound message {}: automatic reply decision {}", inbound.id(), decision);
    return new ReplyPlan(decision);
  }

  @Override
  public ComposedReply compose(InboundMessage message) {
    MessageRow inbound = inbound(message).orElseThrow(() ->
        ApplicationFailure.newNonRetryableFailure("inbound message " + message.messageId() + " is gone", MessageFailure.REPLY_MODEL_REJECTED.type()));
    AutoReplySettings settings = SharedDaos.of(jdbi).with(AutoReplyDao.class, dao -> dao.get(message.orgId()));
    List<MessageRow> history = SharedDaos.of(jdbi).with(MessageDao.class,
        dao -> dao.latest(message.orgId(), inbound.phoneE164(), settings.historyMessages()));
    Map<String, String> contact = inbound.contactId() == null ? Map.of() : SharedDaos.of(jdbi).with(ContactDao.class,
        dao -> dao.find(message.orgId(), inbound.contactId()))
        .map(c -> ContactTemplate.variables(c.variables(), c.name(), c.amount(), c.dueDate(), c.document(), json))
        .orElse(Map.of());
    LlmAnswer answer;
    try {
      answer = model.complete(ReplyPrompt.request(inbound.channel(), settings.instructions(), contact, history));
    } catch (LanguageModelException e) {
      LOG.info("Inbound message {}: {} failed with {}", inbound.id(), model.provider(), e.kind());
      throw failure(e);
    }
    ComposedReply reply = parse(answer.text());
    LOG.info("Inbound message {}: {} ({}) answered, handoff={}, {}+{} tokens", inbound.id(), answer.provider(),
        answer.model(), reply.handoff(), answer.inputTokens(), answer.outputTokens());
    return reply;
  }

  @Override
  public void handOff(InboundMessage message) {
    inbound(message).ifPresent(inbound -> SharedDaos.of(jdbi).use(MessageDao.class,
        dao -> dao.takeOver(message.orgId(), inbound.phoneE164(), null, MessageDao.BY_ASSISTANT)));
  }

  @Override
  public ReplyOutcome send(SendReply reply) {
    UUID replyId = MessagingIds.replyMessageId(reply.inboundMessageId());
    MessageRow inbound = inbound(new InboundMessage(reply.orgId(), reply.inboundMessageId())).orElseThrow(() ->
        ApplicationFailure.newNonRetryableFailure("inbound message " + reply.inboundMessageId() + " is gone",
            MessageFailure.MESSAGE_REJECTED.type()));
    MessageRow message = jdbi.inTransaction(handle -> {
      MessageDao dao = SharedDaos.attach(handle, MessageDao.class);
      Optional<MessageRow> recorded = dao.findById(replyId);
      if (recorded.isPresent()) {
        return recorded.get();
      }
      // checked again: a person may have taken over, or the customer opted out, while the model was thinking
      String skip = SharedDaos.attach(handle, DncDao.class).contains(reply.orgId(), inbound.phoneE164()) ? "dnc"
          : dao.takenOver(reply.orgId(), inbound.phoneE164()) ? "takeover" : null;
      dao.insertReply(replyId, reply.orgId(), inbound.contactId(), inbound.phoneE164(), inbound.channel(),
          reply.text(), inbound.id());
      if (skip != null) {
        dao.advance(replyId, "cancelled", skip);
      }
      return dao.findById(replyId).orElseThrow();
    });
    if ("cancelled".equals(message.state())) {
      return new ReplyOutcome(Decision.REPLY, "dnc".equals(message.errorCode()) ? Sent.SKIPPED_OPTED_OUT
          : Sent.SKIPPED_TAKEN_OVER, replyId);
    }
    if (message.providerSid() == null && ("pending".equals(message.state()) || "processing".equals(message.state()))) {
      if (!covered(message)) {
        return new ReplyOutcome(Decision.REPLY, Sent.SKIPPED_NO_CREDIT, replyId);
      }
      sender.send(message);
    } else if ("failed".equals(message.state())) {
      return new ReplyOutcome(Decision.REPLY, Sent.REJECTED, replyId);
    }
    return new ReplyOutcome(Decision.REPLY, Sent.SENT, replyId);
  }

  @Override
  public Sent sendRecorded(RecordedMessage recorded) {
    MessageRow message = SharedDaos.of(jdbi).with(MessageDao.class, dao -> dao.find(recorded.orgId(), recorded.messageId()))
        .filter(m -> "outbound".equals(m.direction()))
        .orElseThrow(() -> ApplicationFailure.newNonRetryableFailure("message " + recorded.messageId() + " is gone",
            MessageFailure.MESSAGE_REJECTED.type()));
    if (message.providerSid() != null) {
      return Sent.SENT;
    }
    if (!"pending".equals(message.state()) && !"processing".equals(message.state())) {
      return "cancelled".equals(message.state()) ? Sent.SKIPPED_OPTED_OUT : Sent.REJECTED;
    }
    if (SharedDaos.of(jdbi).with(DncDao.class, dao -> dao.contains(recorded.orgId(), message.phoneE164()))) {
      SharedDaos.of(jdbi).use(MessageDao.class, dao -> dao.advance(message.id(), "cancelled", "dnc"));
      return Sent.SKIPPED_OPTED_OUT;
    }
    if (!covered(message)) {
      return Sent.SKIPPED_NO_CREDIT;
    }
    sender.send(message);
    return Sent.SENT;
  }

  private Optional<MessageRow> inbound(InboundMessage message) {
    return SharedDaos.of(jdbi).with(MessageDao.class, dao -> dao.find(message.orgId(), message.messageId()))
        .filter(m -> "inbound".equals(m.direction()));
  }

  private List<String> keywords(AutoReplySettings settings) {
    try {
      return json.readValue(settings.handoffKeywords(), new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("auto_reply_settings.handoff_keywords is not a JSON array of words", e);
    }
  }

  /** {"reply": "...", "handoff": false}; a blank reply without handoff is a handoff too (nothing useful to send). */
  private ComposedReply parse(String text) {
    JsonNode node;
    try {
      node = json.readTree(text == null ? "" : text);
    } catch (JsonProcessingException e) {
      throw ApplicationFailure.newNonRetryableFailure("the model's answer is not JSON", MessageFailure.REPLY_MODEL_REJECTED.type());
    }
    if (node == null || !node.path("reply").isTextual() || !node.path("handoff").isBoolean()) {
      throw ApplicationFailure.newNonRetryableFailure("the model's answer lacks reply/handoff", MessageFailure.REPLY_MODEL_REJECTED.type());
    }
    String reply = node.get("reply").asText().strip();
    boolean handoff = node.get("handoff").asBoolean() || reply.isEmpty();
    return new ComposedReply(reply.length() > MAX_REPLY_CHARS ? reply.substring(0, MAX_REPLY_CHARS) : reply, handoff);
  }

  private static ApplicationFailure failure(LanguageModelException e) {
    return switch (e.kind()) {
      case UNAUTHORIZED, INVALID_REQUEST, NOT_CONFIGURED, REFUSED ->
          ApplicationFailure.newNonRetryableFailure(e.getMessage(), MessageFailure.REPLY_MODEL_REJECTED.type());
      case TRANSIENT, UNAVAILABLE -> ApplicationFailure.newBuilder().setMessage(e.getMessage()).setType(MODEL_RETRYABLE)
          .setNonRetryable(false).setNextRetryDelay(e.retryAfter()).build();
    };
  }
}
