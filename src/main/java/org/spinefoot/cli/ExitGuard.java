package org.spinefoot.cli;

import java.io.PrintStream;
import java.util.Map;

/**
 * Makes an exit that the command did not ask for visible. Rules are Java code and may call
 * {@code System.exit(0)}; Java 17 has no way left to forbid it (the security manager is going),
 * so the launcher's shutdown hook tells such an exit from its own and from a signal, says so, and
 * ends the JVM with {@link Main#RULES_BROKEN} instead of the status the rule chose. Installed only
 * by {@link Main#main}: an embedder's JVM is its own.
 */
final class ExitGuard {
  private static volatile boolean expected;

  private ExitGuard() {}

  static void install(PrintStream err) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (expected || bySignal()) {
        return;
      }
      err.println("spinefoot: the program was ended during the command by code it ran (a rule "
          + "calling System.exit?); its result is incomplete");
      err.flush();
      Runtime.getRuntime().halt(Main.RULES_BROKEN);
    }, "spinefoot-exit-guard"));
  }

  /** The launcher is about to exit with the command's own status. */
  static void exitingNormally() {
    expected = true;
  }

  /** True when the JVM is ending on a signal (Ctrl-C, SIGTERM): its status stands (130, 143). */
  private static boolean bySignal() {
    for (Map.Entry<Thread, StackTraceElement[]> t : Thread.getAllStackTraces().entrySet()) {
      for (StackTraceElement frame : t.getValue()) {
        if (frame.getClassName().equals("java.lang.Shutdown") && frame.getMethodName().equals("exit")) {
          String name = t.getKey().getName();
          if (name.startsWith("SIG") && name.endsWith(" handler")) {
            return true;
          }
          for (StackTraceElement f : t.getValue()) {
            if (f.getClassName().startsWith("jdk.internal.misc.Signal")
                || f.getClassName().startsWith("java.lang.Terminator")) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }
}
