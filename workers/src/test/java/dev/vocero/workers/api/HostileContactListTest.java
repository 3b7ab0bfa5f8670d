package dev.vocero.workers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.store.TestDatabase;
import dev.vocero.workers.ApiClient;
import dev.vocero.workers.ApiClient.Reply;
import dev.vocero.workers.ApiClient.Session;
import dev.vocero.workers.CallFixtures;
import dev.vocero.workers.TestStack;
import dev.vocero.workers.config.VoceroConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile contact lists through {@code POST /api/v1/batches}, created or dry run: each is refused with 422, a
 * stable code and a detail naming the {@code file} field, and no batch row is stored. (uploads.maxBytes is 1 MiB;
 * uploads.sheets.maxColumns is lowered to 40 here, from Excel's 16,384.)
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class HostileContactListTest {
  static final TestDatabase DB = TestDatabase.fresh();
  static final DropwizardAppExtension<VoceroConfiguration> APP =
      TestStack.app(DB, TestStack::temporalTarget, () -> "http://127.0.0.1:9",
          ConfigOverride.config("uploads.sheets.maxColumns", "40"));
  static final String SETTINGS = "{\"defaultRegion\":\"CO\",\"jurisdiction\":\"CUSTOM\","
      + "\"customWindows\":[\"MON-SUN 00:00-23:59\"]}";
  static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

  static ApiClient api;
  static Session operator;

  @BeforeAll
  static void login() {
    api = new ApiClient(APP.getLocalPort());
    operator = api.registerAndLogin("Archivos Hostiles");
  }

  private static void assertRefused(String filename, byte[] file, String code) {
    for (String path : List.of("/api/v1/batches?dryRun=true", "/api/v1/batches")) {
      Reply reply = api.upload(path, operator.accessToken(), "file", filename, file, Map.of("settings", SETTINGS));
      assertEquals(422, reply.status(), path + " " + reply.body());
      assertEquals(code, reply.code(), String.valueOf(reply.body()));
      assertEquals("file", reply.body().at("/details/0/field").asText(), String.valueOf(reply.body()));
      assertEquals(code, reply.body().at("/details/0/code").asText(), String.valueOf(reply.body()));
    }
    assertEquals(0, count("call_batches"), "no batch is stored for a refused file");
  }

  private static int count(String table) {
    return DB.jdbi().withHandle(h -> h.createQuery("select count(*) from " + table).mapTo(Integer.class).one());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] workbook() throws IOException {
    return CallFixtures.workbook(List.of(List.of("Nombre", "Teléfono"), List.of("Ana", "3001234567")));
  }

  private static byte[] replace(byte[] zip, String name, byte[] content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
        ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        out.putNextEntry(new ZipEntry(entry.getName()));
        out.write(entry.getName().equals(name) ? content : in.readAllBytes());
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static String randomLetters(int length) {
    SplittableRandom random = new SplittableRandom(3);
    StringBuilder letters = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      letters.append((char) ('a' + random.nextInt(26)));
    }
    return letters.toString();
  }

  @Test
  void givenACsvRowWithAHundredThousandColumns_itShouldAnswer422NamingTheFile() {
    assertRefused("columns.csv", utf8("Teléfono,Nombre\n3001234567,Ana\n" + ",".repeat(100_000) + "\n"),
        "too_many_columns");
  }

  @Test
  void givenAConfiguredColumnLimit_whenARowHasMoreColumns_itShouldAnswer422NamingTheFile() {
    String wide = "Teléfono,Nombre" + ",Extra".repeat(40) + "\n3001234567,Ana" + ",x".repeat(40) + "\n";
    assertRefused("wide.csv", utf8(wide), "too_many_columns");
    String narrow = "Teléfono,Nombre" + ",Extra".repeat(30) + "\n3001234567,Ana" + ",x".repeat(30) + "\n";
    Reply reply = api.upload("/api/v1/batches?dryRun=true", operator.accessToken(), "file", "narrow.csv",
        utf8(narrow), Map.of("settings", SETTINGS));
    assertEquals(200, reply.status(), String.valueOf(reply.body()));
  }

  @Test
  void givenACsvCellOfTwoHundredKilobytes_itShouldAnswer422NamingTheFile() {
    assertRefused("cell.csv", utf8("Teléfono,Notas\n3001234567,\"" + "x".repeat(200_000) + "\"\n"), "cell_too_long");
  }

  @Test
  void givenACsvWithoutLineBreaks_itShouldAnswer422NamingTheFile() {
    assertRefused("one-line.csv", utf8("3001234567".repeat(90_000)), "cell_too_long");
  }

  @Test
  void givenACsvWithANulCharacterPastItsFirstKilobytes_itShouldAnswer422NamingTheFile() {
    StringBuilder csv = new StringBuilder("Teléfono,Nombre\n");
    for (int i = 0; i < 1_000; i++) {
      csv.append("300").append(1_000_000 + i).append(",Cliente ").append(i).append('\n');
    }
    assertRefused("nul.csv", utf8(csv.append("3002000000,Ana\u0000Pérez\n").toString()), "corrupt_file");
  }

  @Test
  void givenAWorkbookWithAHugeSharedString_itShouldAnswer422NamingTheFile() throws IOException {
    String strings = "<sst xmlns=\"" + MAIN + "\"><si><t>Nombre</t></si><si><t>Teléfono</t></si><si><t>"
        + randomLetters(300_000) + "</t></si></sst>";
    assertRefused("strings.xlsx", replace(workbook(), "xl/sharedStrings.xml", utf8(strings)), "cell_too_long");
  }

  @Test
  void givenAZipBomb_itShouldAnswer422NamingTheFile() throws IOException {
    String sheet = "<worksheet xmlns=\"" + MAIN + "\"><sheetData>" + " ".repeat(30_000_000) + "</sheetData></worksheet>";
    byte[] bomb = replace(workbook(), "xl/worksheets/sheet1.xml", utf8(sheet));
    assertTrue(bomb.length < 200_000, "the bomb is small: " + bomb.length);
    assertRefused("bomb.xlsx", bomb, "zip_bomb");
  }

  @Test
  void givenAnExternalEntityToALocalFile_itShouldAnswer422WithoutReadingIt() throws IOException {
    Path secret = Files.createTempFile("secret", ".txt");
    Files.writeString(secret, "3007777777");
    String sheet = "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
        + "<worksheet xmlns=\"" + MAIN + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Teléfono</t>"
        + "</is></c></row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></sheetData>"
        + "</worksheet>";
    try {
      assertRefused("xxe.xlsx", replace(workbook(), "xl/worksheets/sheet1.xml", utf8(sheet)), "xml_entities");
      assertEquals(0, count("contacts"), "the file's number never became a contact");
    } finally {
      Files.delete(secret);
    }
  }
}
