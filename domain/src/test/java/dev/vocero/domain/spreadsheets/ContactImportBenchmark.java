package dev.vocero.domain.spreadsheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Imports a generated 100,000-row workbook and prints wall time, rows/s and peak heap above a post-GC baseline,
 * beside a baseline that only streams the sheet's rows. Excluded from the normal build; run with
 * {@code ./mvnw -q -pl activities -am verify -Dtest=ContactImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and add {@code -Dsurefire.argLine=-Xmx512m} to check it fits a small heap.
 */
class ContactImportBenchmark {
  private static final int ROWS = 100_000;
  private static final long MAX_MILLIS = 10_000;
  private static final long MAX_HEAP_BYTES = 300L * 1024 * 1024;
  private static final String[] FIRST = {"José", "María", "Ángela", "Luis", "Camila", "Andrés", "Sofía", "Julián",
      "Valentina", "Sebastián", "Lucía", "Martín", "Daniela", "Nicolás", "Paula", "Tomás", "Isabel", "Ramón"};
  private static final String[] LAST = {"Pérez", "Gómez", "Rodríguez", "Muñoz", "Hernández", "Díaz", "Martínez",
      "López", "García", "Sánchez", "Ramírez", "Torres", "Núñez", "Castaño", "Peña", "Ortiz", "Suárez", "Jiménez"};
  private static final String[] CITIES = {"Bogotá", "Medellín", "Cali", "Barranquilla", "Cartagena", "Bucaramanga",
      "Pereira", "Cúcuta", "Ibagué", "Santa Marta"};
  private static final int[] MOBILE_PREFIXES = {300, 301, 302, 304, 305, 310, 311, 312, 313, 314, 315, 316, 317,
      318, 319, 320, 321, 322, 323, 350, 351};
  private static final String[] PRODUCTS = {"Tarjeta de crédito Oro", "Crédito de libre inversión", "Microcrédito",
      "Crédito vehicular", "Cuenta corriente"};

  @Test
  void importHundredThousandRows() throws IOException {
    // -Dtest= overrides the build's *Benchmark exclusion, so a package wildcard must not start a 40 s run
    assumeTrue(System.getProperty("test", "").contains("ContactImportBenchmark"),
        "run with -Dtest=ContactImportBenchmark");
    Path file = Path.of("target", "contact-import-benchmark.xlsx");
    generate(file);
    System.out.printf("%nworkbook %s: %,d bytes, %,d data rows; max heap %d MB%n", file, Files.size(file), ROWS,
        Runtime.getRuntime().maxMemory() / (1024 * 1024));

    for (int round = 1; round <= 2; round++) {
      Measurement baseline = measure(() -> streamRowsOnly(file));
      Measurement full = measure(() -> importAll(file));
      report("round " + round + " baseline (SAX rows only)", baseline);
      report("round " + round + " ContactImporter.read   ", full);
      assertTrue(full.millis() <= MAX_MILLIS, "import took " + full.millis() + " ms");
      assertTrue(full.peakBytes() <= MAX_HEAP_BYTES, "import peaked at +" + full.peakBytes() / (1 << 20) + " MB");
    }
  }

  private static long streamRowsOnly(Path file) {
    AtomicLong rows = new AtomicLong();
    try (XlsxRowSource source = XlsxRowSource.open(file, SheetLimits.DEFAULTS)) {
      source.readRows(row -> rows.incrementAndGet());
    }
    assertEquals(ROWS + 1, rows.get());
    return rows.get() - 1;
  }

  private static long importAll(Path file) {
    CountingSink sink = new CountingSink();
    try (InputStream in = Files.newInputStream(file)) {
      ImportSummary summary = new ContactImporter(ImportOptions.defaults("CO")).read(in, file.toString(), sink);
      assertEquals(ROWS, summary.rowsRead());
      assertEquals(summary.accepted(), sink.accepted);
      assertEquals(summary.rejected(), sink.rejected);
      System.out.printf("  accepted %,d, rejected %,d%n", sink.accepted, sink.rejected);
      return summary.rowsRead();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Wall time, the benchmark thread's CPU time (less sensitive to a busy machine), and peak heap above baseline. */
  private record Measurement(long rows, long millis, long cpuMillis, long peakBytes) {
  }

  private static Measurement measure(Supplier<Long> work) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long baseline = memory.getHeapMemoryUsage().getUsed();
    AtomicLong peak = new AtomicLong(baseline);
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    long rows = work.get();
    long millis = (System.nanoTime() - start) / 1_000_000;
    long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
    sampler.interrupt();
    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    return new Measurement(rows, millis, cpuMillis, peak.get() - baseline);
  }

  private static void report(String label, Measurement m) {
    System.out.printf("%s: %,6d ms (cpu %,6d ms), %,7d rows/s, peak heap +%d MB%n", label, m.millis(),
        m.cpuMillis(), m.rows() * 1000 / Math.max(1, m.millis()), m.peakBytes() / (1024 * 1024));
  }

  private static final class CountingSink implements ContactSink {
    long accepted;
    long rejected;

    @Override
    public void accept(ContactDraft contact) {
      accepted++;
    }

    @Override
    public void reject(RejectedRow row) {
      rejected++;
    }
  }

  /** Ten columns of Colombian collections data as Excel saves it (shared strings, date and number cells). */
  private static void generate(Path file) throws IOException {
    Random random = new Random(42);
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 200, true, true);
        OutputStream out = Files.newOutputStream(file)) {
      Sheet sheet = workbook.createSheet("Cartera");
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
      CellStyle money = workbook.createCellStyle();
      money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
      String[] headers = {"Nombre completo", "Teléfono 1", "Celular 2", "Cédula", "Saldo", "Fecha vencimiento",
          "Correo electrónico", "Ciudad", "Producto", "Días de mora"};
      Row header = sheet.createRow(0);
      for (int c = 0; c < headers.length; c++) {
        header.createCell(c).setCellValue(headers[c]);
      }
      for (int r = 1; r <= ROWS; r++) {
        writeRow(sheet.createRow(r), random, date, money);
      }
      workbook.write(out);
    }
  }

  private static void writeRow(Row row, Random random, CellStyle date, CellStyle money) {
    String first = FIRST[random.nextInt(FIRST.length)];
    String last = LAST[random.nextInt(LAST.length)] + " " + LAST[random.nextInt(LAST.length)];
    long mobile = MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)] * 10_000_000L
        + random.nextInt(10_000_000);
    int kind = random.nextInt(100);
    row.createCell(0).setCellValue(first + " " + last);
    if (kind == 0) {
      row.createCell(1).setCellValue("12345");
    } else if (kind != 1) {
      if (kind < 40) {
        row.createCell(1).setCellValue((double) mobile);
      } else {
        String digits = Long.toString(mobile);
        row.createCell(1).setCellValue("+57 " + digits.substring(0, 3) + " " + digits.substring(3, 6) + " "
            + digits.substring(6));
      }
    }
    if (kind % 3 == 0) {
      row.createCell(2).setCellValue(Long.toString(mobile + 7));
    }
    row.createCell(3).setCellValue((double) (10_000_000 + random.nextInt(1_090_000_000)));
    if (kind == 2) {
      row.createCell(4).setCellValue("N/D");
    } else {
      row.createCell(4).setCellValue(Math.round(random.nextDouble() * 25_000_000) / 100.0);
      row.getCell(4).setCellStyle(money);
    }
    row.createCell(5).setCellValue(LocalDate.of(2025, 1, 1).plusDays(random.nextInt(365)));
    row.getCell(5).setCellStyle(date);
    row.createCell(6).setCellValue(strip(first).toLowerCase() + "." + random.nextInt(100_000) + "@correo.com.co");
    row.createCell(7).setCellValue(CITIES[random.nextInt(CITIES.length)]);
    row.createCell(8).setCellValue(PRODUCTS[random.nextInt(PRODUCTS.length)]);
    row.createCell(9).setCellValue(random.nextInt(180));
  }

  private static String strip(String text) {
    return HeaderAliases.normalize(text);
  }
}
