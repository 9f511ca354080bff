package org.spinefoot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.spinefoot.AskSimulation;
import org.spinefoot.Assessor;
import org.spinefoot.Patient;
import org.spinefoot.VariedPatients;
import org.spinefoot.io.PatientReader;

/**
 * How many questions {@code ask} puts before the record is settled (nothing left that could
 * change the disposition), answering from a known record: median and worst over the shipped
 * examples and over generated records. {@code java ... QuestionCounts [RULES_DIR] [N]}.
 */
public final class QuestionCounts {
  private QuestionCounts() {}

  public static void main(String[] args) throws Exception {
    Assessor assessor = args.length > 0 ? Assessor.fromDirectory(Path.of(args[0]))
        : Assessor.fromClasspath();
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    List<Patient> examples = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("facts"))) {
      for (Path f : files.sorted().toList()) {
        examples.add(PatientReader.read(f, assessor.vocabulary()));
      }
    }
    report("shipped examples (" + examples.size() + ")", assessor, examples);
    report("generated records (" + n + ")", assessor, VariedPatients.patients(n, 7_000_000L));
  }

  private static void report(String what, Assessor assessor, List<Patient> truths) {
    List<Integer> counts = new ArrayList<>();
    for (Patient truth : truths) {
      counts.add(AskSimulation.ranked(assessor, truth.in(assessor.vocabulary())).asked());
    }
    Collections.sort(counts);
    System.out.printf("%s: median %d, worst %d questions (of %d in the vocabulary)%n", what,
        counts.get(counts.size() / 2), counts.get(counts.size() - 1),
        assessor.vocabulary().entries().size());
  }
}
