package org.spinefoot.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.spinefoot.Assessor;
import org.spinefoot.Patient;
import org.spinefoot.VariedPatients;

/**
 * Run in a fresh JVM: prints the heap the knowledge base and its caches hold (bytes retained
 * after loading and assessing a few thousand records on every core, after full GCs).
 */
public final class MemoryProbe {
  private MemoryProbe() {}

  public static void main(String[] args) throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = settledHeap(memory);
    Assessor assessor = Assessor.fromClasspath();
    Patient[] patients = VariedPatients.patients(2000, 7_000_000L).toArray(new Patient[0]);
    Thread[] threads = new Thread[Runtime.getRuntime().availableProcessors()];
    for (int t = 0; t < threads.length; t++) {
      threads[t] = new Thread(() -> {
        for (Patient p : patients) {
          assessor.assess(p);
        }
      });
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    long after = settledHeap(memory);
    System.out.println((after - before) + " " + assessor.rules().size());
  }

  /** The heap in use after four full collections, 100 ms apart. */
  public static long settledHeap(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
