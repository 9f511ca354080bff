package org.spinefoot.engine;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.kie.api.runtime.KieSession;
import org.spinefoot.Assessor;

/**
 * Bounds the time of one assessment. The budget counts the processor time the assessing thread
 * uses, not the time on the clock: on a machine loaded with many more threads than cores (a
 * batch with {@code --threads 256} on two cores), an assessment can wait seconds for a core
 * without any rule being at fault. A rule that waits without using the processor (sleeping,
 * blocked) is stopped when {@link #WAIT_FACTOR} times the budget has passed on the clock. When
 * the budget is spent the engine is asked to halt (which
 * ends a run of firings) and the thread is interrupted (which ends a wait); a rule still running
 * a moment later, in a loop that never returns, is stopped with {@link Thread#stop()}, the one
 * means Java has to end code that does not cooperate. The engine session it ran in is then
 * destroyed, never reused. One timer thread per {@link Assessor}, which ends when idle.
 */
public final class Watchdog {
  /** How long a halted, interrupted rule has to return before it is stopped. */
  private static final long GRACE_MILLIS = 200;
  /** How many budgets of clock time a run may take while using less than one of processor. */
  static final int WAIT_FACTOR = 10;
  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();
  private static final boolean CPU_TIME = cpuTimeAvailable();

  private static boolean cpuTimeAvailable() {
    try {
      return CPU.isCurrentThreadCpuTimeSupported() && CPU.isThreadCpuTimeEnabled();
    } catch (UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  private final Duration budget;
  private final ScheduledThreadPoolExecutor timer;

  public Watchdog(Duration budget) {
    if (budget == null || budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException("time budget: " + budget + "; allowed: more than 0");
    }
    this.budget = budget;
    this.timer = new ScheduledThreadPoolExecutor(1, task -> {
      Thread t = new Thread(task, "spinefoot-rule-watchdog");
      t.setDaemon(true);
      return t;
    });
    timer.setKeepAliveTime(5, TimeUnit.SECONDS);
    timer.allowCoreThreadTimeOut(true);
    timer.setRemoveOnCancelPolicy(true);
  }

  public Duration budget() {
    return budget;
  }

  /** One guarded run on the calling thread; close it when the run ends, however it ends. */
  public Guard watch(KieSession session) {
    return new Guard(session, Thread.currentThread());
  }

  public final class Guard implements AutoCloseable {
    private final KieSession session;
    private final Thread thread;
    private final Object lock = new Object();
    private boolean finished;
    private volatile boolean expired;
    private volatile StackTraceElement[] stackWhenExpired;
    private final long startedNanos = System.nanoTime();
    private final long startedCpu;
    private ScheduledFuture<?> alarm;

    public Guard(KieSession session, Thread thread) {
      this.session = session;
      this.thread = thread;
      this.startedCpu = CPU_TIME ? CPU.getCurrentThreadCpuTime() : -1;
      synchronized (lock) {
        this.alarm = timer.schedule(this::check, budget.toNanos(), TimeUnit.NANOSECONDS);
      }
    }

    /** The budget's time has passed on the clock: stop the run if it used it, else wait on. */
    private void check() {
      long budgetNanos = budget.toNanos();
      if (startedCpu >= 0) {
        long cpu = CPU.getThreadCpuTime(thread.getId());
        long used = cpu < 0 ? budgetNanos : cpu - startedCpu;
        long waited = System.nanoTime() - startedNanos;
        if (used < budgetNanos && waited < budgetNanos * WAIT_FACTOR) {
          long next = Math.min(budgetNanos - used, budgetNanos * WAIT_FACTOR - waited);
          synchronized (lock) {
            if (!finished) {
              alarm = timer.schedule(this::check, Math.max(next, 1_000_000L),
                  TimeUnit.NANOSECONDS);
            }
          }
          return;
        }
      }
      expire();
    }

    /** True when the budget ran out during the run. */
    public boolean expired() {
      return expired;
    }

    /** Where the thread was when the budget ran out (to name the rule), or an empty stack. */
    public StackTraceElement[] stackWhenExpired() {
      StackTraceElement[] s = stackWhenExpired;
      return s == null ? new StackTraceElement[0] : s;
    }

    @SuppressWarnings("deprecation") // Thread.stop: see the class comment
    private void expire() {
      synchronized (lock) {
        if (finished) {
          return;
        }
        expired = true;
        stackWhenExpired = thread.getStackTrace();
        session.halt();
        thread.interrupt();
      }
      try {
        Thread.sleep(GRACE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      synchronized (lock) {
        if (!finished) {
          try {
            thread.stop();
          } catch (UnsupportedOperationException newerJava) {
            // Java 20 and later cannot stop a thread: the halt and interrupt above are all
            // there is, and a rule looping without end in plain Java keeps its thread.
          }
        }
      }
    }

    @Override
    public void close() {
      synchronized (lock) {
        finished = true;
        alarm.cancel(false);
      }
      if (expired) {
        Thread.interrupted(); // the watchdog's interrupt was for the rule, not for the caller
      }
    }
  }
}
