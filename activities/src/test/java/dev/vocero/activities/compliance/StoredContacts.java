package dev.vocero.activities.compliance;

import dev.vocero.domain.compliance.ContactChannel;
import dev.vocero.domain.compliance.simulation.SimulatedContact;
import dev.vocero.domain.compliance.simulation.SimulatedPerson;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Every call attempt and every message handed to the provider, as Vocero stored them, for the independent checker.
 * The person is the contact row's, the number and rule the attempt's or the message's own, the outcome read from the
 * attempt's disposition as docs/compliance says (a person answering is a conversation, a call never placed does not
 * count, a call still planned counts); the time is the gate's decision in {@code person_contacts} (the only column
 * written on the server's clock). A contact with no decision row is reported by {@link #ungated}.
 */
final class StoredContacts {
  private static final String CALLS = """
      select a.id::text as ref, a.phone_e164, a.rule_id, a.status, a.disposition, a.placed_at is not null as placed,
             pc.at, c.person_id, c.time_zone, c.phones, b.settings->>'jurisdiction' as jurisdiction
      from call_attempts a join contacts c on c.id = a.contact_id join call_batches b on b.id = a.batch_id
      left join person_contacts pc on pc.attempt_id = a.id and pc.decision = 'allow'
      where a.org_id = :org""";
  private static final String MESSAGES = """
      select m.id::text as ref, m.phone_e164, m.rule_id, m.channel, pc.at, c.person_id, c.time_zone, c.phones,
             b.settings->>'jurisdiction' as jurisdiction
      from messages m join contacts c on c.id = m.contact_id join message_waves w on w.id = m.wave_id
      join call_batches b on b.id = w.source_batch_id
      left join person_contacts pc on pc.message_id = m.id and pc.decision = 'allow'
      where m.org_id = :org and m.direction = 'outbound' and m.provider_sid is not null""";

  final List<SimulatedContact> contacts = new ArrayList<>();
  final List<String> ungated = new ArrayList<>();

  StoredContacts(Jdbi jdbi, UUID org) {
    jdbi.useHandle(h -> {
      h.createQuery(CALLS).bind("org", org).map((rs, ctx) -> {
        add(rs.getString("ref"), person(rs), ContactChannel.CALL, rs.getString("phone_e164"), rs.getTimestamp("at"),
            callOutcome(rs.getString("status"), rs.getString("disposition"), rs.getBoolean("placed")),
            rs.getString("rule_id"));
        return 0;
      }).list();
      h.createQuery(MESSAGES).bind("org", org).map((rs, ctx) -> {
        add(rs.getString("ref"), person(rs), ContactChannel.fromWire(rs.getString("channel")),
            rs.getString("phone_e164"), rs.getTimestamp("at"), "sent", rs.getString("rule_id"));
        return 0;
      }).list();
    });
    contacts.sort(Comparator.comparing(SimulatedContact::at));
  }

  private void add(String ref, SimulatedPerson person, ContactChannel channel, String number, Timestamp at,
      String outcome, String ruleId) {
    if (at == null) {
      ungated.add(channel.wire() + " " + ref + " has no allow in person_contacts");
      return;
    }
    contacts.add(new SimulatedContact(person, channel, number, at.toInstant(), outcome, ruleId));
  }

  private static SimulatedPerson person(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new SimulatedPerson(rs.getLong("person_id"), rs.getString("jurisdiction"),
        ZoneId.of(rs.getString("time_zone")), Arrays.asList((String[]) rs.getArray("phones").getArray()));
  }

  /** docs/compliance: answered by a person is a conversation; never placed does not count; the rest count. */
  static String callOutcome(String status, String disposition, boolean placed) {
    if (!"ended".equals(status)) {
      return placed ? "in_call" : "reserved";
    }
    return switch (disposition == null ? "" : disposition) {
      case "answered_human" -> "conversation";
      case "answered_machine" -> "answered";
      case "no_answer", "busy" -> "no_answer";
      default -> placed ? "failed" : "not_placed";
    };
  }

}
