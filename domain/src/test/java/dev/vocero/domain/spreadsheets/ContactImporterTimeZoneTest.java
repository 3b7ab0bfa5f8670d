package dev.vocero.domain.spreadsheets;

import static dev.vocero.domain.spreadsheets.Workbooks.stream;
import static dev.vocero.domain.spreadsheets.Workbooks.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContactImporterTimeZoneTest {
  private final RecordingSink sink = new RecordingSink();

  private void read(String region, String csv) {
    new ContactImporter(ImportOptions.defaults(region)).read(stream(utf8(csv)), "contactos.csv", sink);
  }

  @Test
  void givenNoTimeZoneColumn_itShouldDeriveTheZoneFromEachNumber() {
    read("CO", """
        Teléfono
        +57 300 123 4567
        +52 55 1234 5678
        +34 612 345 678
        +1 (415) 555-0100
        +34 928 345 678
        +56 9 6123 4567
        +52 664 123 4567
        +1 212 555 0100
        """);

    assertEquals(List.of("America/Bogota", "America/Mexico_City", "Europe/Madrid", "America/Los_Angeles",
        "Atlantic/Canary", "America/Santiago", "America/Tijuana", "America/New_York"),
        sink.accepted.stream().map(ContactDraft::timeZone).toList());
  }

  @Test
  void givenANumberFromARegionWithoutAKnownZone_itShouldFallBackToTheDefaultRegionZone() {
    read("MX", """
        Teléfono
        +800 1234 5678
        """);

    assertEquals("America/Mexico_City", sink.acceptedRow(2).timeZone());
  }

  @Test
  void givenATimeZoneColumn_itShouldAcceptIanaIdsAndOffsetsAndRejectAnythingElse() {
    read("CO", """
        Teléfono;Zona horaria
        3001234561;America/Santiago
        3001234562;america/mexico_city
        3001234563;-05:00
        3001234564;GMT-5
        3001234565;
        3001234566;Bogota
        3001234567;hora Colombia
        """);

    assertEquals("America/Santiago", sink.acceptedRow(2).timeZone());
    assertEquals("America/Mexico_City", sink.acceptedRow(3).timeZone());
    assertEquals("-05:00", sink.acceptedRow(4).timeZone());
    assertEquals("-05:00", sink.acceptedRow(5).timeZone());
    assertEquals("America/Bogota", sink.acceptedRow(6).timeZone(), "blank cell: derived from the number");
    assertEquals(List.of(new RowIssue(7, "Zona horaria", RowIssue.UNKNOWN_TIME_ZONE,
        "\"Bogota\" is not an IANA time zone (America/Bogota) or a UTC offset (-05:00)")),
        sink.rejectedRow(7).issues());
    assertEquals(List.of(RowIssue.UNKNOWN_TIME_ZONE), sink.codes(8));
  }
}
