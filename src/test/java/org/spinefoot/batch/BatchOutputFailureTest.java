package org.spinefoot.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.spinefoot.TestAssessor;
import org.spinefoot.VariedPatients;

/** Issue 11: a full disk mid-batch says how far the output holds whole lines. */
@Timeout(60)
class BatchOutputFailureTest {
  /** Accepts a number of bytes, then writes part of the next write and fails: a full disk. */
  private static final class FullDisk extends OutputStream {
    final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final int room;

    FullDisk(int room) {
      this.room = room;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      int fits = Math.min(len, room - kept.size());
      kept.write(b, off, fits);
      if (fits < len) {
        throw new IOException("No space left on device");
      }
    }
  }

  @Test
  void theFailureNamesTheLastWholeLineAndItsByteCount() throws IOException {
    StringBuilder input = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      input.append(BatchAssessorTest.line(VariedPatients.fixturePatient(i))).append('\n');
    }
    FullDisk disk = new FullDisk(50_000);
    BatchAssessor.OutputFailedException e = catchThrowableOfType(
        BatchAssessor.OutputFailedException.class,
        () -> new BatchAssessor(TestAssessor.get(), 1).startingAt(11).run(
            new ByteArrayInputStream(input.toString().getBytes(StandardCharsets.UTF_8)), disk));
    assertThat(e).isNotNull();
    String whole = disk.kept.toString(StandardCharsets.UTF_8).substring(0, (int) e.bytesWritten());
    String[] lines = whole.split("\n");
    assertThat(whole).endsWith("\n");
    assertThat(e.lastLineWritten()).isEqualTo(10 + lines.length);
    assertThat(lines[lines.length - 1]).startsWith("{\"line\":" + e.lastLineWritten() + ",");
    assertThat(e.getMessage()).contains("No space left on device");
  }
}
