package dev.vocero.activities.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.activities.llm.LanguageModel;
import dev.vocero.activities.llm.LanguageModelException;
import dev.vocero.activities.llm.LlmAnswer;
import dev.vocero.store.SharedDaos;
import dev.vocero.store.chat.ChatMessageDao;
import dev.vocero.store.chat.ConversationDao;
import dev.vocero.store.chat.Passage;
import dev.vocero.store.chat.TranscriptSearch;
import dev.vocero.workflows.chat.AnswerRequest;
import dev.vocero.workflows.chat.ChatActivities;
import dev.vocero.workflows.chat.ChatFailure;
import dev.vocero.workflows.chat.ChatPassage;
import dev.vocero.workflows.chat.ChatReply;
import dev.vocero.workflows.chat.ChatSegment;
import dev.vocero.workflows.chat.FallbackAnswers;
import dev.vocero.workflows.chat.RetrievalRequest;
import dev.vocero.workflows.chat.RetrievedPassages;
import dev.vocero.workflows.chat.TurnRecord;
import io.temporal.failure.ApplicationFailure;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chat turns against PostgreSQL full-text search and the configured language model. */
public final class ChatActivitiesImpl implements ChatActivities {
  /** Type of the retryable failure raised when the model is busy or unreachable. */
  public static final String MODEL_RETRYABLE = "ChatModelRetryable";
  /** Neighbouring segments given on each side of a matching one. */
  static final int CONTEXT_SEGMENTS = 1;

  private static final Logger LOG = LoggerFactory.getLogger(ChatActivitiesImpl.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Jdbi jdbi;
  private final TranscriptSearch search;
  private final LanguageModel model;

  public ChatActivitiesImpl(Jdbi jdbi, LanguageModel model) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.model = Objects.requireNonNull(model, "model");
    this.search = new TranscriptSearch(jdbi);
  }

  @Override
  public RetrievedPassages retrieve(RetrievalRequest request) {
    return new RetrievedPassages(search.search(request.orgId(), request.question(), request.audioIds(), request.limit(),
        CONTEXT_SEGMENTS).stream().map(ChatActivitiesImpl::passage).toList());
  }

  @Override
  public ChatReply answer(AnswerRequest request) {
    if (!model.configured()) {
      return FallbackAnswers.notConfigured(request.passages());
    }
    long started = System.nanoTime();
    LlmAnswer answer;
    try {
      answer = model.complete(ChatPrompt.request(request));
    } catch (LanguageModelException e) {
      LOG.info("conversation {}: {} failed with {}", request.conversationId(), model.provider(), e.kind());
      throw failure(e);
    }
    LOG.info("conversation {}: {} ({}) answered in {} ms, {} passages, {}+{} tokens", request.conversationId(),
        answer.provider(), answer.model(), (System.nanoTime() - started) / 1_000_000, request.passages().size(),
        answer.inputTokens(), answer.outputTokens());
    return new ChatReply(answer.text(), CitationParser.citations(answer.text(), request.passages()), true,
        answer.provider());
  }

  @Override
  public void recordTurn(TurnRecord turn) {
    if (SharedDaos.of(jdbi).with(ConversationDao.class, dao -> dao.find(turn.orgId(), turn.conversationId())).isEmpty()) {
      throw ChatFailure.CHAT_CONVERSATION_NOT_FOUND.failure("conversation " + turn.conversationId() + " not found");
    }
    String citations;
    try {
      citations = JSON.writeValueAsString(turn.reply().citations());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("citations are not serializable", e);
    }
    SharedDaos.of(jdbi).use(ChatMessageDao.class, dao -> dao.recordTurn(turn.orgId(), turn.conversationId(), turn.turn(),
        turn.question(), turn.reply().answer(), citations, turn.reply().modelUsed(), turn.reply().provider()));
  }

  private static ChatPassage passage(Passage p) {
    return new ChatPassage(p.audioId(), p.hitIdx(), p.startMs(), p.endMs(), p.segments().stream()
        .map(s -> new ChatSegment(s.idx(), s.startMs(), s.endMs(), s.speaker(), s.text())).toList());
  }

  private static ApplicationFailure failure(LanguageModelException e) {
    return switch (e.kind()) {
      case UNAUTHORIZED -> ChatFailure.CHAT_MODEL_UNAUTHORIZED.failure(e.getMessage());
      case INVALID_REQUEST, NOT_CONFIGURED, REFUSED -> ChatFailure.CHAT_MODEL_REJECTED.failure(e.getMessage());
      case TRANSIENT, UNAVAILABLE -> ApplicationFailure.newBuilder()
          .setMessage(e.getMessage())
          .setType(MODEL_RETRYABLE)
          .setNonRetryable(false)
          .setNextRetryDelay(e.retryAfter())
          .build();
    };
  }
}
