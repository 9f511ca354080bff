package org.spinefoot.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Where result lines go. Each call writes whole lines and flushes them, so output cut short by an
 * interruption or a kill ends at a line boundary. Not thread-safe.
 */
interface LineSink {
  /** Writes these complete lines (each ending in a line break) and flushes them. */
  void write(CharSequence lines) throws IOException;

  /** Bytes (or characters, for a Writer) written by the calls that returned normally. */
  long written();

  /**
   * Bytes in UTF-8. The lines go to the stream in one write call: a buffered stream whose buffer
   * was flushed passes a write of its size or more straight through, in one system call.
   */
  static LineSink of(OutputStream out) {
    return new LineSink() {
      private long written;

      @Override
      public void write(CharSequence lines) throws IOException {
        byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
        out.write(bytes);
        out.flush();
        // PrintStream (standard output) swallows write errors; without this check a closed pipe
        // would let the batch run to the end writing nowhere.
        if (out instanceof PrintStream && ((PrintStream) out).checkError()) {
          throw new IOException("the output was closed or cannot be written");
        }
        written += bytes.length;
      }

      @Override
      public long written() {
        return written;
      }
    };
  }

  static LineSink of(Writer out) {
    return new LineSink() {
      private long written;

      @Override
      public void write(CharSequence lines) throws IOException {
        out.write(lines.toString());
        out.flush();
        written += lines.length();
      }

      @Override
      public long written() {
        return written;
      }
    };
  }
}
