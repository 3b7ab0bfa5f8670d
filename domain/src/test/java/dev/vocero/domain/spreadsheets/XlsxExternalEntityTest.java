package dev.vocero.domain.spreadsheets;

import static dev.vocero.domain.spreadsheets.Workbooks.stream;
import static dev.vocero.domain.spreadsheets.Workbooks.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every XML part of a workbook, including those POI parses into an object model, with a DOCTYPE whose external
 * entities point at a local file and at an HTTP server: the import is refused and neither is ever read.
 */
class XlsxExternalEntityTest {
  private final RecordingSink sink = new RecordingSink();
  private final AtomicInteger fetches = new AtomicInteger();
  private HttpServer server;
  private Path secret;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      fetches.incrementAndGet();
      byte[] body = "3009999999".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    secret = Files.createTempFile("secret", ".txt");
    Files.writeString(secret, "3008888888");
  }

  @AfterEach
  void stop() throws IOException {
    server.stop(0);
    Files.deleteIfExists(secret);
  }

  @ParameterizedTest
  @ValueSource(strings = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml", "xl/styles.xml",
      "[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels"})
  void givenAPartWithExternalEntities_itShouldRefuseTheWorkbookWithoutFetchingThem(String part) throws IOException {
    byte[] workbook = Workbooks.xlsx(new Object[] {"Teléfono"}, new Object[] {"3001234567"});
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/entity";
    String original = new String(entry(workbook, part), StandardCharsets.UTF_8).replaceFirst("^<\\?xml[^>]*\\?>", "");
    String root = original.substring(original.indexOf('<') + 1).split("[\\s>/]", 2)[0];
    String doctype = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?><!DOCTYPE " + root + " ["
        + "<!ENTITY % remote SYSTEM \"" + url + "/dtd\"> %remote;"
        + "<!ENTITY web SYSTEM \"" + url + "\"><!ENTITY file SYSTEM \"" + secret.toUri() + "\">]>";
    byte[] hostile = Workbooks.replaceEntries(workbook, Map.of(part, utf8(doctype + original)));

    ImportException e = assertThrows(ImportException.class,
        () -> new ContactImporter(ImportOptions.defaults("CO")).read(stream(hostile), "xxe.xlsx", sink));

    assertEquals(0, fetches.get(), "no entity was fetched over HTTP for " + part);
    assertEquals(List.of(), sink.accepted);
    assertTrue(List.of(ImportException.XML_ENTITIES, ImportException.CORRUPT_FILE).contains(e.code()),
        part + ": " + e.code() + " " + e.getMessage());
  }

  private static byte[] entry(byte[] zip, String name) throws IOException {
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        if (entry.getName().equals(name)) {
          return readAll(in);
        }
      }
    }
    throw new AssertionError("no " + name + " in the fixture");
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toByteArray();
  }
}
