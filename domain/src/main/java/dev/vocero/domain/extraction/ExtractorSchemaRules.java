package dev.vocero.domain.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.regex.RegularExpressionFactory;
import com.networknt.schema.resource.AllowSchemaLoader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one way extractor schemas are checked and compiled, in the API and in the workers: nothing is ever fetched
 * (only the bundled meta-schemas load; a remote, file or relative {@code $ref} is refused), nesting and size are
 * bounded before any recursive code sees the schema, and {@code pattern}s run on RE2 (linear time, no catastrophic
 * backtracking).
 */
public final class ExtractorSchemaRules {
  public static final int MAX_DEPTH = 32;
  public static final int MAX_NODES = 5_000;
  public static final int MAX_PATTERN_CHARS = 1_000;
  static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
  private static final Set<String> REFERENCES = Set.of("$ref", "$dynamicRef", "$recursiveRef");

  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
      builder -> builder.schemaLoaders(loaders -> loaders.add(
          new AllowSchemaLoader(iri -> iri.toString().startsWith("classpath:")))));
  private static final RegularExpressionFactory RE2 = regex -> {
    Pattern pattern = Pattern.compile(regex);
    return value -> pattern.matcher(value).find(); // JSON Schema patterns are unanchored
  };
  private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
      .regularExpressionFactory(RE2).pathType(PathType.LEGACY).build(); // "$.field" in what the model is told

  private ExtractorSchemaRules() {}

  /** A problem found before compiling: where ({@code $}-rooted path), a stable code and a sentence. */
  public record Problem(String path, String code, String message) {}

  /** The factory that loads nothing from outside (for meta-schema validation). */
  public static JsonSchemaFactory factory() {
    return FACTORY;
  }

  /** Compiles a schema that passed {@link #problems}; patterns use RE2. */
  public static JsonSchema compile(JsonNode schema) {
    JsonSchema compiled = FACTORY.getSchema(schema, CONFIG);
    compiled.initializeValidators(); // resolves every reference now, so a forbidden one fails here, not mid-answer
    return compiled;
  }

  /** What makes a schema unsafe to compile: depth, size, references that leave the document, RE2-incompatible patterns. */
  public static List<Problem> problems(JsonNode schema) {
    List<Problem> problems = new ArrayList<>();
    int[] nodes = {0};
    walk(schema, "$", 0, nodes, problems);
    return problems;
  }

  private static void walk(JsonNode node, String path, int depth, int[] nodes, List<Problem> problems) {
    if (problems.size() >= 20) {
      return;
    }
    if (depth > MAX_DEPTH) {
      problems.add(new Problem(path, "too_deep", "the schema is nested more than " + MAX_DEPTH + " levels deep"));
      return;
    }
    if (++nodes[0] > MAX_NODES) {
      if (nodes[0] == MAX_NODES + 1) {
        problems.add(new Problem(path, "too_large", "the schema has more than " + MAX_NODES + " values"));
      }
      return;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "[" + i + "]", depth + 1, nodes, problems);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      JsonNode value = field.getValue();
      String at = path + "." + key;
      if (REFERENCES.contains(key) && value.isTextual() && !value.asText().startsWith("#")) {
        problems.add(new Problem(at, "external_reference",
            "references must point inside the schema (\"#/$defs/...\"); remote, file and relative ones are not fetched"));
      } else if (key.equals("$id") && value.isTextual()) {
        problems.add(new Problem(at, "external_reference", "$id is not supported: the schema is one document"));
      } else if (key.equals("$schema") && value.isTextual() && !value.asText().equals(DRAFT_2020_12)
          && !value.asText().equals(DRAFT_2020_12 + "#")) {
        problems.add(new Problem(at, "unsupported_dialect", "only " + DRAFT_2020_12 + " is supported"));
      } else if (key.equals("pattern") && value.isTextual()) {
        checkPattern(value.asText(), at, problems);
      }
      if (key.equals("patternProperties") && value.isObject()) {
        value.fieldNames().forEachRemaining(name -> checkPattern(name, at + "." + name, problems));
      }
      walk(value, at, depth + 1, nodes, problems);
    }
  }

  private static void checkPattern(String regex, String at, List<Problem> problems) {
    if (regex.length() > MAX_PATTERN_CHARS) {
      problems.add(new Problem(at, "pattern_too_long", "patterns are limited to " + MAX_PATTERN_CHARS + " characters"));
      return;
    }
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      problems.add(new Problem(at, "unsupported_pattern", "the pattern is not supported (patterns use RE2 syntax: no "
          + "look-around or back-references, which can take exponential time): " + e.getDescription()));
    }
  }
}
