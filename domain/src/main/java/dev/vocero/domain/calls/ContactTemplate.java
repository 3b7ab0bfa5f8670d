package dev.vocero.domain.calls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code {{variable}}} placeholders of call scripts and message templates, filled from a contact. */
public final class ContactTemplate {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([\\p{L}\\p{N}_ .-]+?)\\s*}}");

  private ContactTemplate() {}

  /** Unknown placeholders become empty text, as in the call script. */
  public static String render(String template, Map<String, String> variables) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(variables.getOrDefault(m.group(1).trim(), "")));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The contact's imported extra columns ({@code extraColumns}, a JSON object), then name, amount, due_date and document. */
  public static Map<String, String> variables(String extraColumns, String name, BigDecimal amount, LocalDate dueDate,
      String document, ObjectMapper json) {
    Map<String, String> vars = new LinkedHashMap<>();
    try {
      JsonNode extra = json.readTree(extraColumns == null ? "{}" : extraColumns);
      extra.fields().forEachRemaining(e -> vars.put(e.getKey(), e.getValue().asText()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    vars.put("name", name == null ? "" : name);
    vars.put("amount", amount == null ? "" : amount.toPlainString());
    vars.put("due_date", dueDate == null ? "" : dueDate.toString());
    vars.put("document", document == null ? "" : document);
    return vars;
  }
}
