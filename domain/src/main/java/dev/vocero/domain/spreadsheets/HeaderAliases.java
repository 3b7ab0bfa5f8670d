package dev.vocero.domain.spreadsheets;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises Spanish and English headers: compared lowercased, without accents, with spaces, underscores, hyphens
 * and punctuation collapsed, so " Teléfono_2 " and "telefono 2" are the same. Numbered variants count for phones.
 */
final class HeaderAliases {
  private static final Map<String, Field> ALIASES = new HashMap<>();
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern NUMBERED = Pattern.compile("(.*?) ?\\d{1,2}");

  static {
    alias(Field.NAME, "name", "nombre", "nombre completo", "cliente", "full name");
    alias(Field.PHONE, "phone", "telefono", "tel", "celular", "movil", "mobile", "whatsapp");
    alias(Field.AMOUNT, "amount", "monto", "deuda", "saldo", "importe", "valor");
    alias(Field.DUE_DATE, "due date", "fecha vencimiento", "vencimiento");
    alias(Field.TIMEZONE, "timezone", "time zone", "zona horaria", "tz");
    alias(Field.DOCUMENT, "document", "documento", "rut", "dni", "cedula", "nif", "curp", "id");
    alias(Field.EMAIL, "email", "e mail", "correo", "correo electronico");
  }

  private HeaderAliases() {
  }

  static Field fieldOf(String header) {
    String key = normalize(header);
    Field field = ALIASES.get(key);
    if (field != null) {
      return field;
    }
    Matcher numbered = NUMBERED.matcher(key);
    if (numbered.matches() && ALIASES.get(numbered.group(1)) == Field.PHONE) {
      return Field.PHONE;
    }
    return Field.VARIABLE;
  }

  static String normalize(String header) {
    String decomposed = Normalizer.normalize(header, Normalizer.Form.NFD);
    String bare = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    return NOT_WORD.matcher(bare).replaceAll(" ").strip();
  }

  private static void alias(Field field, String... names) {
    for (String name : names) {
      ALIASES.put(name, field);
    }
  }
}
