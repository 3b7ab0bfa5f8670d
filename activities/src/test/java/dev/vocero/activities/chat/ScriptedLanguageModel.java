package dev.vocero.activities.chat;

import dev.vocero.activities.llm.LanguageModel;
import dev.vocero.activities.llm.LanguageModelException;
import dev.vocero.activities.llm.LlmAnswer;
import dev.vocero.activities.llm.LlmMessage;
import dev.vocero.activities.llm.LlmRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A language model for tests: records every request and answers by citing the first passage label it was
 * given, as a model following the system prompt would. Or fails with a given kind.
 */
public final class ScriptedLanguageModel implements LanguageModel {
  private static final Pattern LABEL = Pattern.compile("^\\[[0-9a-f-]{36} @ [0-9:]+]$", Pattern.MULTILINE);

  public final List<LlmRequest> requests = new CopyOnWriteArrayList<>();
  private volatile LanguageModelException.Kind failure;

  public ScriptedLanguageModel failingWith(LanguageModelException.Kind kind) {
    this.failure = kind;
    return this;
  }

  @Override
  public String provider() {
    return "scripted";
  }

  @Override
  public LlmAnswer complete(LlmRequest request) {
    requests.add(request);
    if (failure != null) {
      throw new LanguageModelException(failure, "scripted failure: " + failure);
    }
    String prompt = lastUserMessage(request);
    Matcher label = LABEL.matcher(prompt);
    String answer = label.find()
        ? "According to the call " + label.group() + ", this is what was said."
        : "The passages do not answer the question.";
    return new LlmAnswer(answer, provider(), "scripted-1", prompt.length() / 4, answer.length() / 4, false);
  }

  public static String lastUserMessage(LlmRequest request) {
    List<LlmMessage> messages = request.messages();
    return messages.get(messages.size() - 1).content();
  }
}
