package dev.vocero.workers.db;

import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.jdbi3.NamePrependingTemplateEngine;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * Dropwizard's JDBI set-up, with its statement comments rendered from cached templates and the store's SQL objects
 * built once for every handle.
 */
public final class VoceroJdbiFactory extends JdbiFactory {

  @Override
  protected void configure(Jdbi jdbi) {
    super.configure(jdbi);
    if (jdbi.getConfig(SqlStatements.class).getTemplateEngine() instanceof NamePrependingTemplateEngine) {
      jdbi.setTemplateEngine(new NamedStatementTemplateEngine());
    }
    SqlObjectWarmUp.warm(jdbi);
  }
}
