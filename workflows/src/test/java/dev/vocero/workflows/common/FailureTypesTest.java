package dev.vocero.workflows.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.workflows.alerts.AlertFailure;
import dev.vocero.workflows.audio.AudioFailure;
import dev.vocero.workflows.calls.CallFailure;
import dev.vocero.workflows.chat.ChatFailure;
import dev.vocero.workflows.messaging.MessageFailure;
import io.temporal.failure.ApplicationFailure;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every {@code <Feature>Failure}: the ApplicationFailure type is the constant's name, unique across features. */
class FailureTypesTest {

  @Test
  void givenEveryFailureEnum_itsTypesShouldBeTheConstantNamesAndUnique() {
    List<String[]> types = List.of(AudioFailure.types(), AlertFailure.types(), CallFailure.types(), ChatFailure.types(),
        MessageFailure.types());
    Set<String> seen = new HashSet<>();
    types.stream().flatMap(Stream::of).forEach(type -> {
      assertTrue(type.matches("[A-Z]+(_[A-Z]+)+"), type);
      assertTrue(seen.add(type), "used twice: " + type);
    });
    assertEquals("INVALID_NUMBER", CallFailure.INVALID_NUMBER.type());
    assertEquals("CHAT_MODEL_REJECTED", ChatFailure.CHAT_MODEL_REJECTED.type(), "the chat types keep their words");
  }

  @Test
  void givenAFailureConstant_itShouldRaiseANonRetryableFailureOfItsType() {
    ApplicationFailure failure = AudioFailure.SPEECH_REJECTED.failure("speech server answered 400");

    assertEquals("SPEECH_REJECTED", failure.getType());
    assertTrue(failure.isNonRetryable());
    assertEquals("speech server answered 400", failure.getOriginalMessage());
    assertFalse(AlertFailure.WEBHOOK_REJECTED.failure("400").getType().isEmpty());
  }
}
