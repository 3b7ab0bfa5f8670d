package dev.vocero.domain.compliance.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.domain.compliance.ContactChannel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checker can fail: contacts a gate should have refused are reported. */
class IndependentCheckerTest {
  static final SimulatedPerson ANA = new SimulatedPerson(1, "CL",
      ZoneId.of("America/Santiago"), List.of("+56911111111", "+56922222222"));
  static final SimulatedPerson LUIS = new SimulatedPerson(2, "CO",
      ZoneId.of("America/Bogota"), List.of("+573001112233"));
  static final Instant TUESDAY_10 = Instant.parse("2026-03-03T13:00:00Z"); // 10:00 in Santiago, 08:00 in Bogota

  @Test
  void givenContactsTheLawForbids_itShouldReportEachOne() {
    List<String> found = new IndependentChecker(Map.of("+573001112233", TUESDAY_10.plus(Duration.ofDays(3))))
        .violations(List.of(
            call(ANA, 0, TUESDAY_10, "no_answer"),
            call(ANA, 1, TUESDAY_10.plus(Duration.ofDays(1)), "no_answer"),      // second number, same week
            call(ANA, 0, TUESDAY_10.plus(Duration.ofHours(12)), "not_placed"),  // 22:00: outside hours
            call(LUIS, 0, TUESDAY_10, "no_answer"),
            new SimulatedContact(LUIS, ContactChannel.SMS, "+573001112233",
                TUESDAY_10.plus(Duration.ofDays(2)), "sent", "co.hours"),            // another channel that week
            call(LUIS, 0, TUESDAY_10.plus(Duration.ofDays(4)), "no_answer")));    // after STOP
    assertEquals(5, found.size(), String.join("\n", found)); // the call after STOP is also a second channel that week
    assertTrue(found.stream().anyMatch(f -> f.startsWith("CL one call a week")));
    assertTrue(found.stream().anyMatch(f -> f.startsWith("outside hours")));
    assertTrue(found.stream().anyMatch(f -> f.startsWith("CO several channels")));
    assertTrue(found.stream().anyMatch(f -> f.startsWith("DNC number contacted")));
  }

  private static SimulatedContact call(SimulatedPerson p, int number, Instant at,
      String outcome) {
    return new SimulatedContact(p, ContactChannel.CALL, p.numbers().get(number), at, outcome,
        p.jurisdiction().toLowerCase() + ".hours");
  }
}
