package io.github.beamcassandra.pipelines.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.beamcassandra.pipelines.UsageException;
import io.github.beamcassandra.pipelines.options.LoadOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.beam.runners.direct.DirectOptions;
import org.junit.jupiter.api.Test;

class PipelineArgsTest {
  @Test
  void passwordsAreMaskedButTheirFileAndVariableNamesAreNot() {
    Map<String, String> masked = PipelineArgs.masked(new String[] {"--password=hunter2",
        "--tlsKeystorePassword=x", "--passwordFile=/etc/pw", "--passwordEnv=PW", "--table=t"});
    assertEquals("****", masked.get("password"));
    assertEquals("****", masked.get("tlsKeystorePassword"));
    assertEquals("/etc/pw", masked.get("passwordFile"));
    assertEquals("PW", masked.get("passwordEnv"));
    assertEquals("t", masked.get("table"));
  }

  @Test
  void helpListsEveryOptionWithItsDefault() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PipelineArgs.printHelp(LoadOptions.class, "usage", new PrintStream(out, true, StandardCharsets.UTF_8));
    String help = out.toString(StandardCharsets.UTF_8);
    for (String option : new String[] {"--input", "--maxErrors", "--delimiter", "--contactPoints",
        "--deleteFlagColumn", "--runDir", "--maxConcurrentRequests"}) {
      assertTrue(help.contains(option + "\n"), option + " missing from:\n" + help);
    }
    assertTrue(help.contains("(default: 100)"), help);
  }

  @Test
  void theDirectRunnerChecksAreOffUnlessAsked() {
    LoadOptions options = PipelineArgs.parse(new String[] {"--input=x"}, LoadOptions.class, "load");
    assertEquals("x", options.getInput());
    assertEquals(false, options.as(DirectOptions.class).isEnforceImmutability());
    assertEquals(false, options.as(DirectOptions.class).isEnforceEncodability());
    LoadOptions asked = PipelineArgs.parse(new String[] {"--input=x", "--enforceImmutability=true"},
        LoadOptions.class, "load");
    assertEquals(true, asked.as(DirectOptions.class).isEnforceImmutability());
  }

  @Test
  void anUnknownOptionIsAUsageErrorNamingIt() {
    UsageException e = assertThrows(UsageException.class,
        () -> PipelineArgs.parse(new String[] {"--inptu=x"}, LoadOptions.class, "load"));
    assertTrue(e.getMessage().contains("inptu") && e.getMessage().contains("--help"), e.getMessage());
  }
}
