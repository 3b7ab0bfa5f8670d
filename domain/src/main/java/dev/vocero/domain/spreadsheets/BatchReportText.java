package dev.vocero.domain.spreadsheets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocero.domain.phones.MaskedPhone;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/** The text cells of the batch report: masked phones, attempt history, rejection issues and values. */
final class BatchReportText {
  /** Excel refuses longer cell texts. */
  static final int MAX_CELL = 32_767;
  private static final Set<String> PHONE_ISSUES = Set.of(RowIssue.MISSING_PHONE, RowIssue.INVALID_PHONE, RowIssue.DUPLICATE);
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  private static final ObjectMapper JSON = new ObjectMapper();

  private BatchReportText() {}

  /** The report leaves the building: phones as {@link MaskedPhone} shows them. */
  static String mask(String e164) {
    return MaskedPhone.of(e164);
  }

  static String phones(List<String> phones) {
    return phones == null ? "" : phones.stream().map(BatchReportText::mask).collect(Collectors.joining(", "));
  }

  /** A phone as typed in the rejected file: only the last digits of anything long enough to dial. */
  static String maskTyped(String value) {
    String digits = value == null ? "" : value.replaceAll("\\D", "");
    if (digits.length() <= 4) {
      return value;
    }
    return digits.length() < 8 ? "•••" : "•••" + digits.substring(digits.length() - 4);
  }

  /** "#1 Sin respuesta, 15/11/2026 09:30, 25 s; #2 …" with times in the contact's zone. */
  static String history(List<BatchReportWriter.Attempt> attempts, String timeZone) {
    ZoneId zone = zone(timeZone);
    StringJoiner text = new StringJoiner("; ");
    for (BatchReportWriter.Attempt a : attempts) {
      StringBuilder one = new StringBuilder("#").append(a.number()).append(' ')
          .append(a.disposition() == null ? "sin resultado" : BatchReportLabels.disposition(a.disposition()));
      if (a.phoneIndex() > 0) {
        one.append(" (tel. ").append(a.phoneIndex() + 1).append(')');
      }
      one.append(", ").append(a.placedAt() == null ? "sin marcar" : LOCAL.format(a.placedAt().atZone(zone)));
      if (a.durationSeconds() != null) {
        one.append(", ").append(a.durationSeconds()).append(" s");
      }
      text.add(one);
    }
    return cut(text.toString());
  }

  static String issues(List<BatchReportWriter.Issue> issues) {
    return cut(issues.stream().map(i -> i.code() + ": " + i.message()).collect(Collectors.joining("; ")));
  }

  /** The row as read, as JSON, with the values of phone columns masked. */
  static String values(BatchReportWriter.Rejected rejected) {
    Set<String> phoneColumns = rejected.issues().stream().filter(i -> PHONE_ISSUES.contains(i.code()))
        .map(BatchReportWriter.Issue::column).collect(Collectors.toSet());
    Map<String, String> shown = new LinkedHashMap<>();
    rejected.values().forEach((header, value) -> shown.put(header,
        phoneColumns.contains(header) || HeaderAliases.fieldOf(header) == Field.PHONE ? maskTyped(value) : value));
    try {
      return cut(JSON.writeValueAsString(shown));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String cut(String text) {
    return text == null || text.length() <= MAX_CELL ? text : text.substring(0, MAX_CELL - 1) + "…";
  }

  private static ZoneId zone(String timeZone) {
    try {
      return timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }
}
