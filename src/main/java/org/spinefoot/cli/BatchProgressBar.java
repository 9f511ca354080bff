package org.spinefoot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.spinefoot.batch.BatchAssessor;

/**
 * The progress bar of {@code assess --batch}, on stderr, shown only when stderr is a terminal
 * (never in a pipe or a log file). Over a file it measures the bytes read, so it knows the end;
 * over standard input it counts records.
 */
final class BatchProgressBar implements BatchAssessor.Progress, AutoCloseable {
  private final ProgressBar bar;
  private final boolean bytes;
  private boolean closed;

  private BatchProgressBar(ProgressBar bar, boolean bytes) {
    this.bar = bar;
    this.bytes = bytes;
  }

  /** A bar for input of this many bytes (negative when not known); silent off a terminal. */
  static BatchProgressBar forStderr(long inputBytes) {
    if (!stderrIsTerminal()) {
      return new BatchProgressBar(null, false);
    }
    boolean bytes = inputBytes >= 0;
    ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName("assess")
        .setUpdateIntervalMillis(250);
    if (bytes) {
      builder.setInitialMax(inputBytes).setUnit(" MiB", 1 << 20);
    } else {
      builder.setInitialMax(-1).setUnit(" records", 1);
    }
    return new BatchProgressBar(builder.build(), bytes);
  }

  @Override
  public void written(long lines, long inputConsumed) {
    if (bar != null) {
      bar.stepTo(bytes ? inputConsumed : lines);
      bar.setExtraMessage(lines + " lines");
    }
  }

  /** Ends the bar, so that what is printed next starts on a line of its own. */
  @Override
  public void close() {
    if (bar != null && !closed) {
      closed = true;
      bar.close();
    }
  }

  /**
   * {@code System.console()} is null unless standard input and output are terminals too, which
   * they are not in {@code --batch - --out -}; on Linux, where standard error points tells.
   */
  private static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }
}
