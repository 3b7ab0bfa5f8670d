package dev.vocero.domain.compliance.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.domain.compliance.ContactChannel;
import dev.vocero.domain.compliance.ContactGate;
import dev.vocero.domain.compliance.ContactPolicies;
import dev.vocero.domain.compliance.ContactPolicy;
import dev.vocero.domain.compliance.GateDecision;
import dev.vocero.domain.compliance.PastContact;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Thirty-one simulated days (US, Madrid and Santiago clock changes included) of overlapping call batches with retries
 * and next numbers, a campaign's SMS and WhatsApp waves, answered calls and STOP replies, for persons with one to three
 * numbers in the five jurisdictions. Every contact goes through {@link ContactGate}; {@link IndependentChecker}, written
 * from docs/compliance and not calling the gate, must find no violation.
 */
class ContactSimulationTest {
  static final int PERSONS = Integer.getInteger("simulation.persons", 10_000);
  static final Instant START = Instant.parse("2026-03-06T00:00:00Z");
  static final Instant END = START.plus(Duration.ofDays(31));
  static final Duration STEP = Duration.ofMinutes(20);
  static final Map<String, List<String>> ZONES = Map.of(
      "CL", List.of("America/Santiago", "America/Punta_Arenas"),
      "CO", List.of("America/Bogota"),
      "US", List.of("America/New_York", "America/Chicago", "America/Denver", "America/Phoenix",
          "America/Los_Angeles", "Pacific/Honolulu"),
      "MX", List.of("America/Mexico_City", "America/Tijuana", "America/Cancun"),
      "ES", List.of("Europe/Madrid", "Atlantic/Canary"));

  @Test
  void givenAMonthOfBatchesWavesAndReplies_theCheckerShouldFindNoViolation() {
    Random random = new Random(20261207);
    List<SimulatedPerson> persons = new ArrayList<>();
    List<String> codes = List.of("CL", "CO", "US", "MX", "ES");
    for (int i = 0; i < PERSONS; i++) {
      String cc = codes.get(i % codes.size());
      List<String> zones = ZONES.get(cc);
      List<String> numbers = new ArrayList<>();
      for (int n = 0; n <= random.nextInt(3); n++) {
        numbers.add("+" + (1_000_000_000L + i * 10L + n));
      }
      persons.add(new SimulatedPerson(i, cc, ZoneId.of(zones.get(random.nextInt(zones.size()))), numbers));
    }
    Set<String> dnc = new HashSet<>();
    Map<String, Instant> dncSince = new HashMap<>();
    for (SimulatedPerson p : persons) {
      if (random.nextInt(20) == 0) {
        dnc.add(p.numbers().get(0));
        dncSince.put(p.numbers().get(0), START);
      }
    }
    List<Dial> dials = new ArrayList<>();
    for (SimulatedPerson p : persons) { // two batches share every person; the second starts a day later
      dials.add(new Dial(p, START, 6));
      dials.add(new Dial(p, START.plus(Duration.ofDays(1)), 6));
    }
    Map<Long, List<PastContact>> ledger = new HashMap<>();
    List<SimulatedContact> contacts = new ArrayList<>();
    Map<String, Integer> decisions = new TreeMap<>();
    Instant morning = START.plus(Duration.ofHours(15)); // 10:00 in Bogota, 16:00 in Madrid, 07:00 in Los Angeles
    Map<Instant, ContactChannel> waves = Map.of(
        morning.plus(Duration.ofDays(3)), ContactChannel.SMS,
        morning.plus(Duration.ofDays(5)), ContactChannel.WHATSAPP,
        morning.plus(Duration.ofDays(6)), ContactChannel.SMS,
        morning.plus(Duration.ofDays(12)), ContactChannel.SMS,
        morning.plus(Duration.ofDays(19)), ContactChannel.SMS,
        morning.plus(Duration.ofDays(26)), ContactChannel.WHATSAPP);

    for (Instant now = START; now.isBefore(END); now = now.plus(STEP)) {
      ContactChannel wave = waves.get(now);
      for (Dial dial : dials) {
        if (dial.done || dial.next.isAfter(now)) {
          continue;
        }
        while (dial.numberIndex < dial.person.numbers().size()
            && dnc.contains(dial.person.numbers().get(dial.numberIndex))) {
          dial.numberIndex++;
        }
        if (dial.numberIndex >= dial.person.numbers().size()) {
          dial.done = true;
          continue;
        }
        GateDecision d = ask(dial.person, ContactChannel.CALL, now, ledger, decisions);
        if (d.verdict() == GateDecision.Verdict.BLOCK) {
          dial.done = true;
        } else if (d.verdict() == GateDecision.Verdict.WAIT) {
          dial.next = d.notBefore();
        } else {
          String outcome = callOutcome(random);
          String number = dial.person.numbers().get(dial.numberIndex);
          ledger.computeIfAbsent(dial.person.id(), k -> new ArrayList<>())
              .add(new PastContact(ContactChannel.CALL, now, outcome));
          contacts.add(new SimulatedContact(dial.person, ContactChannel.CALL, number, now, outcome, d.ruleId()));
          dial.attempts++;
          boolean ended = outcome.equals("conversation") || dial.attempts >= dial.maxAttempts;
          if (outcome.equals("not_placed")) {
            dial.numberIndex++; // the next number, as after invalid_number
          }
          dial.done = ended;
          dial.next = now.plus(Duration.ofHours(1));
        }
      }
      if (wave != null) {
        for (SimulatedPerson p : persons) {
          String number = p.numbers().get(0);
          if (dnc.contains(number)) {
            continue;
          }
          GateDecision d = ask(p, wave, now, ledger, decisions);
          if (d.allowed()) {
            ledger.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(new PastContact(wave, now, "sent"));
            contacts.add(new SimulatedContact(p, wave, number, now, "sent", d.ruleId()));
            if (random.nextInt(50) == 0) { // STOP: the number goes on the DNC list (replies are not contacts)
              dnc.add(number);
              dncSince.put(number, now.plusSeconds(1));
            }
          }
        }
      }
    }

    List<String> violations = new IndependentChecker(dncSince).violations(contacts);
    Map<String, Integer> allowedByRule = new TreeMap<>();
    Map<String, Integer> byJurisdiction = new TreeMap<>();
    for (SimulatedContact c : contacts) {
      allowedByRule.merge(c.ruleId() + " " + c.channel().wire(), 1, Integer::sum);
      byJurisdiction.merge(c.person().jurisdiction(), 1, Integer::sum);
    }
    System.out.printf("Simulation: %d persons, %d contacts in 31 days; by jurisdiction %s%n", PERSONS, contacts.size(),
        byJurisdiction);
    System.out.println("Simulation: allowed by rule and channel " + allowedByRule);
    System.out.println("Simulation: held by rule (wait/block) " + decisions);
    System.out.println("Simulation: violations " + violations.size());
    assertEquals(List.of(), violations.stream().limit(20).toList());
    assertEquals(5, byJurisdiction.size());
    assertTrue(contacts.stream().anyMatch(c -> c.channel() != ContactChannel.CALL));
    assertTrue(decisions.keySet().stream().anyMatch(k -> k.startsWith("co.one-channel-a-week")));
    assertTrue(decisions.keySet().stream().anyMatch(k -> k.startsWith("us.reg-f-after-conversation")));
  }

  private static GateDecision ask(SimulatedPerson p, ContactChannel channel, Instant now,
      Map<Long, List<PastContact>> ledger, Map<String, Integer> decisions) {
    ContactPolicy policy = ContactPolicies.of(p.jurisdiction()).orElseThrow();
    GateDecision d = ContactGate.decide(policy, channel, now, p.zone(), ledger.getOrDefault(p.id(), List.of()));
    if (!d.allowed()) {
      decisions.merge(d.ruleId() + " " + d.verdict().name().toLowerCase(), 1, Integer::sum);
    }
    return d;
  }

  private static String callOutcome(Random random) {
    int r = random.nextInt(10);
    return r < 5 ? "no_answer" : r < 7 ? "conversation" : r < 9 ? "answered" : "not_placed";
  }

  /** One batch's calls to one person: attempts, the number in use and when to plan next. */
  static final class Dial {
    final SimulatedPerson person;
    final int maxAttempts;
    Instant next;
    int numberIndex;
    int attempts;
    boolean done;

    Dial(SimulatedPerson person, Instant start, int maxAttempts) {
      this.person = person;
      this.next = start;
      this.maxAttempts = maxAttempts;
    }
  }
}
