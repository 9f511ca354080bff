package org.spinefoot.bench;

import org.spinefoot.Assessor;
import org.spinefoot.Patient;
import org.spinefoot.VariedPatients;

/** Assesses generated records in a loop for a given number of seconds: a target for profilers. */
public final class ProfileLoop {
  private ProfileLoop() {}

  public static void main(String[] args) {
    Assessor assessor = Assessor.fromClasspath();
    Patient[] patients = VariedPatients.patients(1024, 42_000_000L).toArray(new Patient[0]);
    long end = System.nanoTime() + Long.parseLong(args[0]) * 1_000_000_000L;
    long n = 0;
    while (System.nanoTime() < end) {
      assessor.assess(patients[(int) (n++ & 1023)]);
    }
    System.out.println(n + " assessments");
  }
}
