package dev.vocero.store.calls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
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

  /** The contact's imported extra columns, then name, amount, due_date and document. */
  public static Map<String, String> variables(ContactRow contact, ObjectMapper json) {
    Map<String, String> vars = new LinkedHashMap<>();
    try {
      JsonNode extra = json.readTree(contact.variables() == null ? "{}" : contact.variables());
      extra.fields().forEachRemaining(e -> vars.put(e.getKey(), e.getValue().asText()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    vars.put("name", contact.name() == null ? "" : contact.name());
    vars.put("amount", contact.amount() == null ? "" : contact.amount().toPlainString());
    vars.put("due_date", contact.dueDate() == null ? "" : contact.dueDate().toString());
    vars.put("document", contact.document() == null ? "" : contact.document());
    return vars;
  }
}
