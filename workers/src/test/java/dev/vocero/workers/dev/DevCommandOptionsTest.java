package dev.vocero.workers.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.workers.VoceroApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import net.sourceforge.argparse4j.ArgumentParsers;
import net.sourceforge.argparse4j.inf.ArgumentParser;
import net.sourceforge.argparse4j.inf.ArgumentParserException;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.junit.jupiter.api.Test;

/** The options docs/observability.md tells people to use for the full Temporal Web UI exist as written. */
class DevCommandOptionsTest {

  @Test
  void givenTemporalHostAndPort_whenParsed_itShouldReplaceTheEmbeddedTemporal() throws ArgumentParserException {
    Namespace ns = parser().parseArgs(new String[] {"dev", "--temporal", "localhost:7233"});
    assertEquals("localhost:7233", ns.getString("temporal"));
  }

  @Test
  void givenNoTemporalOption_itShouldEmbedTemporalOnPort7233() throws ArgumentParserException {
    Namespace ns = parser().parseArgs(new String[] {"dev"});
    assertNull(ns.getString("temporal"));
    assertEquals(7233, ns.getInt("temporal_port"));
  }

  @Test
  void givenHelp_itShouldNameTheTemporalDevServer() {
    ByteArrayOutputStream help = new ByteArrayOutputStream();
    ArgumentParser parser = ArgumentParsers.newFor("vocero").build();
    Subparser dev = parser.addSubparsers().addParser("dev");
    new DevCommand(new VoceroApplication()).configure(dev);
    PrintWriter out = new PrintWriter(help, true, StandardCharsets.UTF_8);
    dev.printHelp(out);
    String text = help.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("--temporal HOST:PORT") && text.contains("temporal server start-dev"), text);
  }

  private static ArgumentParser parser() {
    ArgumentParser parser = ArgumentParsers.newFor("vocero").build();
    Subparser dev = parser.addSubparsers().addParser("dev").setDefault("command", "dev");
    new DevCommand(new VoceroApplication()).configure(dev);
    return parser;
  }
}
