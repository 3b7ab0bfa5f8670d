package dev.vocero.api.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.HashMap;
import java.util.Map;

/** Renders the console's jte templates, compiled to classes at build time (jte-maven-plugin). */
public final class Pages {
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html, null,
      "dev.vocero.api.console.templates");

  /** {@code template} without ".jte"; {@code p} (the request) is always passed, then {@code params} as name, value. */
  public String render(String template, ConsoleRequest p, Object... params) {
    Map<String, Object> values = new HashMap<>();
    values.put("p", p);
    for (int i = 0; i < params.length; i += 2) {
      values.put((String) params[i], params[i + 1]);
    }
    StringOutput out = new StringOutput();
    engine.render(template + ".jte", values, out);
    return out.toString();
  }
}
