package dev.vocero.domain.compliance;

import java.time.Duration;
import java.util.Set;

/** One rule of a {@link ContactPolicy}: its id (stored with every decision it takes) and where the law says it. */
public sealed interface PolicyRule {
  String id();

  String citation();

  /** At most {@code max} counted contacts on {@code channels} within any {@code period}. */
  record Limit(String id, String citation, Set<ContactChannel> channels, int max, Duration period) implements PolicyRule {}

  /** At least {@code min} between two counted contacts on {@code channels}. */
  record Gap(String id, String citation, Set<ContactChannel> channels, Duration min) implements PolicyRule {}

  /** No contact on {@code channels} within {@code period} after a telephone conversation. */
  record Quiet(String id, String citation, Set<ContactChannel> channels, Duration period) implements PolicyRule {}

  /** Counted contacts within any {@code period} use at most {@code maxChannels} channels. */
  record Spread(String id, String citation, int maxChannels, Duration period) implements PolicyRule {}

  /** The calling window (and holidays), for every channel. */
  record Window(String id, String citation) implements PolicyRule {}

  /** Which outcomes do not make a contact (all others count, the stricter reading). */
  record Counting(String id, String citation, Set<String> uncounted) implements PolicyRule {}

  /** How long the contact history is kept at least. */
  record Retention(String id, String citation, Duration minimum) implements PolicyRule {}
}
