package dev.vocero.workers.badinput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Files an attacker would upload, built in memory: the corpus names them with {@code generate:}. */
final class HostileFiles {
  private HostileFiles() {}

  static byte[] generate(String kind, String text) {
    return switch (kind) {
      case "empty" -> new byte[0];
      case "exe" -> exe();
      case "xlsx" -> xlsx(sharedStrings(text));
      case "zipbomb-xlsx" -> zipBomb();
      case "xxe-xlsx" -> xlsx("<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
          + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"4\" uniqueCount=\"4\">"
          + "<si><t>Nombre</t></si><si><t>Celular</t></si><si><t>&xxe;</t></si><si><t>3001234560</t></si></sst>");
      case "not-a-zip-xlsx" -> "PK\u0003\u0004 this is not really a zip".getBytes(StandardCharsets.ISO_8859_1);
      case "wav-header-only" -> "RIFF\u0000\u0000\u0000\u0000WAVE".getBytes(StandardCharsets.ISO_8859_1);
      default -> throw new IllegalArgumentException("unknown generated file " + kind);
    };
  }

  private static byte[] exe() {
    byte[] exe = new byte[4096];
    exe[0] = 'M';
    exe[1] = 'Z';
    byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(stub, 0, exe, 78, stub.length);
    return exe;
  }

  /** A first sheet whose rows are the CSV-like {@code text}, all cells shared strings. */
  private static String sharedStrings(String text) {
    StringBuilder sst = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
    for (String line : text.split("\n")) {
      for (String cell : line.split(",", -1)) {
        sst.append("<si><t>").append(cell.replace("&", "&amp;").replace("<", "&lt;")).append("</t></si>");
      }
    }
    return sst.append("</sst>").toString();
  }

  /** 200 MB of shared strings deflated to a few hundred KB: the importer must refuse it without inflating it. */
  private static byte[] zipBomb() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      writeSkeleton(zip, 4);
      zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
      zip.write(("<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
          + "<si><t>Nombre</t></si><si><t>Celular</t></si><si><t>Ana</t></si><si><t>").getBytes(StandardCharsets.UTF_8));
      byte[] block = new byte[1 << 20];
      java.util.Arrays.fill(block, (byte) 'a');
      for (int i = 0; i < 200; i++) {
        zip.write(block);
      }
      zip.write("</t></si></sst>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] xlsx(String sharedStrings) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      writeSkeleton(zip, count(sharedStrings));
      zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
      zip.write(sharedStrings.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static int count(String sst) {
    return sst.split("<si>", -1).length - 1;
  }

  /** Content types, relationships, workbook and a two-column sheet referencing shared strings 0..n-1. */
  private static void writeSkeleton(ZipOutputStream zip, int strings) throws IOException {
    entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        + "</Types>");
    entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>");
    entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        + "<sheets><sheet name=\"Contactos\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
    entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        + "</Relationships>");
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i + 1 < strings; i += 2) {
      int r = i / 2 + 1;
      rows.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\" t=\"s\"><v>").append(i)
          .append("</v></c><c r=\"B").append(r).append("\" t=\"s\"><v>").append(i + 1).append("</v></c></row>");
    }
    entry(zip, "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + rows
        + "</sheetData></worksheet>");
  }

  private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
