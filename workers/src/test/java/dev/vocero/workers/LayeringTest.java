package dev.vocero.workers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module table of docs/modules.md as a test: the workers module sees every module's classes, so an arrow added
 * the wrong way (api → activities, workflows → JDBI, domain → store…) fails here, naming the class that added it.
 */
class LayeringTest {
  private static JavaClasses vocero;

  @BeforeAll
  static void importClasses() {
    vocero = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("-tests.jar")) // the store's and activities' test-jars
        .importPackages("dev.vocero");
  }

  @Test
  void givenTheModuleTable_everyArrowBetweenModulesShouldPointDown() {
    ArchRule modules = layeredArchitecture().consideringOnlyDependenciesInAnyPackage("dev.vocero..")
        .layer("domain").definedBy("dev.vocero.domain..")
        .layer("workflows").definedBy("dev.vocero.workflows..")
        .layer("store").definedBy("dev.vocero.store..")
        .layer("credits").definedBy("dev.vocero.credits..")
        .layer("activities").definedBy("dev.vocero.activities..")
        .layer("api").definedBy("dev.vocero.api..")
        .layer("workers").definedBy("dev.vocero.workers..")
        .whereLayer("workers").mayNotBeAccessedByAnyLayer()
        .whereLayer("api").mayOnlyBeAccessedByLayers("workers")
        .whereLayer("activities").mayOnlyBeAccessedByLayers("workers")
        .whereLayer("credits").mayOnlyBeAccessedByLayers("api", "activities", "workers")
        .whereLayer("store").mayOnlyBeAccessedByLayers("credits", "api", "activities", "workers")
        .whereLayer("workflows").mayOnlyBeAccessedByLayers("api", "activities", "workers")
        .whereLayer("domain").mayOnlyBeAccessedByLayers("credits", "api", "activities", "workers");
    modules.check(vocero);
  }

  @Test
  void givenWorkflowCode_itShouldUseNoDatabaseHttpFrameworkOrVendorLibrary() {
    noClasses().that().resideInAPackage("dev.vocero.workflows..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.jdbi..", "java.sql..", "org.postgresql..", // the database
            "java.net.http..", "org.apache.hc..", "okhttp3..", "jakarta.ws.rs..", // HTTP
            "com.fasterxml.jackson.databind..", // payloads go through Temporal's converter
            "io.dropwizard..", "org.eclipse.jetty..", "org.glassfish.jersey..", // the web framework
            "com.twilio..", "org.apache.poi..", "org.apache.camel..", "org.apache.commons.csv..", // vendors
            "com.google.i18n.phonenumbers..", "de.focus_shift.jollyday..")
        .because("workflow code is replayed: it may only use the Temporal SDK and its own records")
        .check(vocero);
  }

  @Test
  void givenTheApi_itShouldReachNoActivityAdapterOrVendorClient() {
    noClasses().that().resideInAPackage("dev.vocero.api..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.vocero.activities..", "org.apache.camel..",
            "com.twilio.rest..", "com.twilio.http.TwilioRestClient", "io.temporal.activity..", "io.temporal.worker..")
        .because("the API validates, stores, starts or signals workflows and reads PostgreSQL; it never calls a provider")
        .check(vocero);
  }

  @Test
  void givenTheDomain_itShouldBePlainJava() {
    noClasses().that().resideInAPackage("dev.vocero.domain..")
        .should().dependOnClassesThat().resideInAnyPackage("io.temporal..", "org.jdbi..", "java.sql..",
            "io.dropwizard..", "jakarta.ws.rs..", "org.glassfish.jersey..", "org.apache.camel..")
        .because("the domain module holds rules both the API and the activities use, with no framework under them")
        .check(vocero);
  }

  @Test
  void givenTheStore_itShouldHoldNoFrameworkButJdbi() {
    noClasses().that().resideInAPackage("dev.vocero.store..")
        .should().dependOnClassesThat().resideInAnyPackage("io.temporal..", "io.dropwizard..", "jakarta.ws.rs..",
            "org.apache.camel..", "com.twilio..", "org.apache.poi..")
        .because("the store holds migrations, DAOs and rows")
        .check(vocero);
  }
}
