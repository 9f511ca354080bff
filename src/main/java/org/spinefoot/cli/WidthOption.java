package org.spinefoot.cli;

import picocli.CommandLine.Option;

/** The {@code --width} option of the commands that print wrapped text (a picocli mixin). */
final class WidthOption {
  @Option(names = "--width", paramLabel = "N",
      description = "Wrap text at N columns (default: the terminal's width, 80 when not a terminal).")
  Integer width;

  /** The columns to wrap at: the option's value, else the terminal's width. */
  int columns() {
    return width != null ? width : SingleReport.terminalWidth();
  }
}
