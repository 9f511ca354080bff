package org.spinefoot.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.spinefoot.Assessment;
import org.spinefoot.Assessor;
import org.spinefoot.io.PatientReader;

/**
 * Run in a fresh JVM: prints the milliseconds from JVM start to the first finished assessment
 * through the API (load the packaged rules, read one record, assess it).
 */
public final class ColdStartProbe {
  private ColdStartProbe() {}

  public static void main(String[] args) {
    Assessor assessor = Assessor.fromClasspath();
    Assessment a = assessor.assess(PatientReader.read(Path.of(args[0])));
    long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.println(sinceStart + " " + a.disposition());
  }
}
