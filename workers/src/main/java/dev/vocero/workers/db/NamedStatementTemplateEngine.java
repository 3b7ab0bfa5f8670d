package dev.vocero.workers.db;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.extension.ExtensionMethod;
import org.jdbi.v3.core.statement.DefinedAttributeTemplateEngine;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * Dropwizard's auto comment ({@code /* Dao.method *}{@code /} before each DAO statement) as a parsing template engine:
 * JDBI caches a parsed template, while Dropwizard's own engine lexes every statement's SQL again on every call (a
 * quarter of the audio pipeline's CPU, docs/benchmarks.md). Same SQL text out.
 */
public final class NamedStatementTemplateEngine implements TemplateEngine.Parsing {
  private final TemplateEngine.Parsing delegate;

  public NamedStatementTemplateEngine() {
    this(new DefinedAttributeTemplateEngine());
  }

  NamedStatementTemplateEngine(TemplateEngine.Parsing delegate) {
    this.delegate = delegate;
  }

  @Override
  public Optional<Function<StatementContext, String>> parse(String template, ConfigRegistry config) {
    return delegate.parse(template, config).map(NamedStatementTemplateEngine::named);
  }

  private static Function<StatementContext, String> named(Function<StatementContext, String> sql) {
    return ctx -> {
      String rendered = sql.apply(ctx);
      ExtensionMethod extension = ctx.getExtensionMethod();
      return extension == null ? rendered : comment(extension) + rendered;
    };
  }

  private static String comment(ExtensionMethod extension) {
    String type = extension.getType().getSimpleName();
    Method method = extension.getMethod();
    return "/* " + (type.isEmpty() ? "" : type + ".") + method.getName() + " */ ";
  }
}
