package dev.vocero.workers.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.vocero.store.TestDatabase;
import io.dropwizard.jdbi3.NamePrependingTemplateEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.statement.DefinedAttributeTemplateEngine;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.Test;

class NamedStatementTemplateEngineTest {
  static final TestDatabase DB = TestDatabase.fresh();

  interface Probe {
    @SqlQuery("select count(*) from <table> where org_id = :orgId::uuid")
    int count(@Define("table") String table, String orgId);
  }

  @Test
  void givenADaoStatement_whenRendered_itShouldMatchDropwizardsAutoCommentExactly() {
    List<String> dropwizard = renderedSql(new NamePrependingTemplateEngine(new DefinedAttributeTemplateEngine()));
    List<String> ours = renderedSql(new NamedStatementTemplateEngine());

    assertEquals(dropwizard, ours);
    assertEquals("/* Probe.count */ select count(*) from audios where org_id = :orgId::uuid", ours.get(0));
    assertEquals("/* Probe.count */ select count(*) from opportunities where org_id = :orgId::uuid", ours.get(2));
  }

  @Test
  void givenTheSameTemplateAgain_whenRendered_itShouldNotParseItAgain() {
    AtomicInteger parsed = new AtomicInteger();
    TemplateEngine.Parsing counting = new TemplateEngine.Parsing() {
      private final DefinedAttributeTemplateEngine real = new DefinedAttributeTemplateEngine();

      @Override
      public Optional<Function<StatementContext, String>> parse(String template, ConfigRegistry config) {
        parsed.incrementAndGet();
        return real.parse(template, config);
      }
    };
    List<String> sql = renderedSql(new NamedStatementTemplateEngine(counting));

    assertEquals(4, sql.size());
    assertEquals(1, parsed.get(), "one template, parsed once for four statements with two different definitions");
  }

  @Test
  void givenDropwizardsEngine_whenTheFactoryConfiguresJdbi_itShouldUseTheCachedOne() {
    Jdbi jdbi = Jdbi.create(DB.dataSource());
    jdbi.setTemplateEngine(new NamePrependingTemplateEngine(jdbi.getConfig(SqlStatements.class).getTemplateEngine()));

    new VoceroJdbiFactory().configure(jdbi);

    assertInstanceOf(NamedStatementTemplateEngine.class, jdbi.getConfig(SqlStatements.class).getTemplateEngine());
  }

  private static List<String> renderedSql(TemplateEngine engine) {
    List<String> rendered = new ArrayList<>();
    Jdbi jdbi = Jdbi.create(DB.dataSource()).installPlugin(new SqlObjectPlugin()).setTemplateEngine(engine);
    jdbi.setSqlLogger(new SqlLogger() {
      @Override
      public void logBeforeExecution(StatementContext context) {
        rendered.add(context.getRenderedSql());
      }
    });
    String org = "00000000-0000-0000-0000-000000000001";
    jdbi.useExtension(Probe.class, probe -> {
      probe.count("audios", org);
      probe.count("audios", org);
      probe.count("opportunities", org);
      probe.count("opportunities", org);
    });
    return rendered;
  }
}
