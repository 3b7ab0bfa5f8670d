package dev.vocero.domain.persons;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which person a contact row is: its document id (RUT, DNI, NIE, cédula, CURP, passport…) when it has one, else an
 * explicit person or account key column, else the row alone. Only a hash of the key is kept.
 *
 * <p>A document is accepted as an id when, without spaces, dots, dashes and slashes, it has 6 to 20 letters and digits
 * and is not masked: a value with {@code *}, {@code #} or three X in a row (an SSN's last four, "XXX-XX-1234") is not.
 */
public record PersonKey(Kind kind, String hash) {
  /** Variable columns read as a person or account key (headers folded: lower case, no accents, "_" between words). */
  public static final Set<String> KEY_COLUMNS = Set.of("person_key", "person_id", "person", "persona", "id_persona",
      "account", "account_id", "account_number", "cuenta", "numero_de_cuenta", "nro_cuenta", "customer_id",
      "client_id", "id_cliente", "cliente_id", "codigo_cliente");

  public enum Kind {
    DOCUMENT, KEY, ROW;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The document's or key column's person; empty when the row stands alone (the store then makes a row person). */
  public static Optional<PersonKey> of(String document, Map<String, String> variables) {
    Optional<String> id = documentId(document);
    if (id.isPresent()) {
      return Optional.of(new PersonKey(Kind.DOCUMENT, hash("document:" + id.get())));
    }
    if (variables != null) {
      for (Map.Entry<String, String> column : variables.entrySet()) {
        String value = column.getValue() == null ? "" : column.getValue().strip();
        if (KEY_COLUMNS.contains(fold(column.getKey())) && !value.isEmpty() && value.length() <= 200) {
          return Optional.of(new PersonKey(Kind.KEY, hash("key:" + fold(column.getKey()) + ":" + value)));
        }
      }
    }
    return Optional.empty();
  }

  /** The normalised document id, or empty when the value cannot identify a person. */
  public static Optional<String> documentId(String document) {
    if (document == null || document.contains("*") || document.contains("#")
        || document.toUpperCase(Locale.ROOT).contains("XXX")) {
      return Optional.empty();
    }
    String id = document.toUpperCase(Locale.ROOT).replaceAll("[\\s.\\-/]", "");
    if (!id.matches("[A-Z0-9]{6,20}") || id.chars().distinct().count() == 1) {
      return Optional.empty();
    }
    return Optional.of(id.replaceFirst("^0+(?=.{6})", ""));
  }

  static String fold(String header) {
    String plain = Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return plain.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
  }

  private static String hash(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
