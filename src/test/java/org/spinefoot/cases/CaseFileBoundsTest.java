package org.spinefoot.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.spinefoot.TestAssessor;

/** Issue 11: a case file, or the patientFile it names, is read only from a regular file. */
@Timeout(30)
class CaseFileBoundsTest {
  @TempDir Path dir;

  private static void fifo(Path path) throws IOException, InterruptedException {
    assertThat(new ProcessBuilder("mkfifo", path.toString()).start().waitFor()).isZero();
  }

  @Test
  void aPatientFileThatIsADeviceOrAPipeFailsTheCaseWithoutReadingIt() throws Exception {
    Files.createSymbolicLink(dir.resolve("zero.yaml"), Path.of("/dev/zero"));
    fifo(dir.resolve("pipe.yaml"));
    for (String target : new String[] {"zero.yaml", "pipe.yaml"}) {
      Path caseFile = dir.resolve("case-" + target);
      Files.writeString(caseFile, """
          name: a case on a device
          description: the patient file is a device or a pipe
          checks: [RF-03]
          patientFile: %s
          expect:
            disposition: SOON
          """.formatted(target));
      CaseResult result = new CaseRunner(TestAssessor.get()).run(caseFile);
      assertThat(result.passed()).isFalse();
      assertThat(result.failures()).singleElement().asString()
          .contains(target).contains("not a regular file");
    }
  }

  @Test
  void aCaseFileThatIsAPipeFailsWithoutWaiting() throws Exception {
    Path pipe = dir.resolve("waiting.yaml");
    fifo(pipe);
    CaseResult result = new CaseRunner(TestAssessor.get()).run(pipe);
    assertThat(result.passed()).isFalse();
    assertThat(result.failures()).singleElement().asString().contains("not a regular file");
  }
}
