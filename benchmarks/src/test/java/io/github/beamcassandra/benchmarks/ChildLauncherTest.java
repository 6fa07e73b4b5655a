package io.github.beamcassandra.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.beamcassandra.benchmarks.ChildLauncher.Program;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildLauncherTest {
  @Test
  void aToolRunsFromItsDependenciesAloneAndOurCodeComesFirst(@TempDir Path target) throws IOException {
    Path moduleCode = Files.createFile(target.resolve("beam-cassandra-benchmarks.jar"));
    Files.createDirectories(target.resolve("classpath"));
    Files.writeString(target.resolve("classpath").resolve("dsbulk.classpath"), "/m2/a.jar:/m2/b.jar\n");
    Files.writeString(target.resolve("classpath").resolve("async-loop.classpath"), "/m2/driver.jar");
    ChildLauncher launcher = new ChildLauncher(target, moduleCode, "1G", Duration.ofMinutes(1));

    Program tool = new Program("DSBulk unload", "dsbulk.classpath", Optional.empty(), "dsbulk.Main");
    Program ours = new Program("SELECT count(*)", "async-loop.classpath", Optional.of(moduleCode),
        "our.Main");

    assertEquals("/m2/a.jar" + File.pathSeparator + "/m2/b.jar", launcher.classpath(tool));
    assertEquals(moduleCode.toAbsolutePath() + File.pathSeparator + "/m2/driver.jar",
        launcher.classpath(ours));
    List<String> command = launcher.command(tool, List.of("unload", "-k", "bench"));
    assertEquals(List.of("-Xmx1G", "-cp", launcher.classpath(tool), "dsbulk.Main", "unload", "-k", "bench"),
        command.subList(1, command.size()));
  }

  @Test
  void jvmFlagsComeAfterTheHeapAndBeforeTheClasspath(@TempDir Path target) throws IOException {
    Files.createDirectories(target.resolve("classpath"));
    Files.writeString(target.resolve("classpath").resolve("dsbulk.classpath"), "/m2/a.jar");
    ChildLauncher launcher = new ChildLauncher(target, target.resolve("code.jar"), "2G",
        Duration.ofMinutes(1));
    Program tool = new Program("DSBulk", "dsbulk.classpath", Optional.empty(), "dsbulk.Main");

    List<String> command = launcher.command(tool, List.of("-Xlog:gc:file=/t/gc.log"), List.of("load"));

    assertEquals(List.of(ChildLauncher.java(), "-Xmx2G", "-Xlog:gc:file=/t/gc.log", "-cp", "/m2/a.jar",
        "dsbulk.Main", "load"), command);
    assertEquals("2G", launcher.heap());
  }

  @Test
  void anyCommandRunsWithItsWallTimeAndOutput(@TempDir Path target) throws Exception {
    ChildLauncher launcher = new ChildLauncher(target, target.resolve("code.jar"), "1G",
        Duration.ofMinutes(1));
    Path log = target.resolve("logs").resolve("java-version.log");

    ChildLauncher.ChildRun run = launcher.run(List.of(ChildLauncher.java(), "-version"), log);

    assertEquals(0, run.exitCode());
    assertTrue(run.wallSeconds() > 0);
    String text = Files.readString(log);
    assertTrue(text.startsWith("# " + ChildLauncher.java() + " -version"), text);
    assertTrue(text.contains("version"), text);
  }

  @Test
  void aMissingClasspathFileSaysWhatToBuild(@TempDir Path target) {
    ChildLauncher launcher = new ChildLauncher(target, target.resolve("code.jar"), "1G",
        Duration.ofMinutes(1));
    Program tool = new Program("DSBulk unload", "dsbulk.classpath", Optional.empty(), "dsbulk.Main");

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> launcher.checkBuilt(tool));

    assertTrue(e.getMessage().contains("The DSBulk unload contender is not built: "
        + target.resolve("classpath").resolve("dsbulk.classpath")), e.getMessage());
  }
}
