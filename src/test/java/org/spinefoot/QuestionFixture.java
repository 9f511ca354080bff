package org.spinefoot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.spinefoot.engine.RecordAnswers;

/**
 * A small fixture knowledge base for the tests of next questions and {@code ask}: the
 * project's disposition rules (highest urgency, stop the exercises, unanswered red-flag
 * questions keep a record at SOON) and six probe rules.
 */
public final class QuestionFixture {
  public static final String RULES = """
      rule "Probe: lost bladder control is an emergency"
          @id("probe-bladder") @inventory("RF-01") @urgency("EMERGENCY") @source("x#y")
      when
          Observation( sign == "bladderOrBowelControlLost", present )
      then
          insertLogical(new Finding(kcontext, Urgency.EMERGENCY, "probe-cauda", "Cauda"));
      end

      rule "Probe: fever is urgent"
          @id("probe-fever") @inventory("RF-02") @urgency("URGENT") @source("x#y")
      when
          Observation( sign == "fever", present )
      then
          insertLogical(new Finding(kcontext, Urgency.URGENT, "probe-fever", "Fever"));
      end

      rule "Probe: numbness in both feet is urgent"
          @id("probe-both-feet") @inventory("RF-03") @urgency("URGENT") @source("x#y")
      when
          Numbness( site == "foot", present, side == Side.BOTH )
      then
          insertLogical(new Finding(kcontext, Urgency.URGENT, "probe-both-feet", "Both feet"));
      end

      rule "Probe: numbness in one foot needs a clinician soon"
          @id("probe-one-foot") @inventory("RF-04") @urgency("SOON") @source("x#y")
      when
          Numbness( site == "foot", present, side in (Side.LEFT, Side.RIGHT) )
      then
          insertLogical(new Finding(kcontext, Urgency.SOON, "probe-one-foot", "One foot"));
      end

      rule "Probe: low back pain that did not pass within minutes needs a clinician soon"
          @id("probe-back") @inventory("RF-05") @urgency("SOON") @source("x#y")
      when
          Pain( site == "lowBack", present )
          not Observation( sign == "resolvedWithinMinutes", present )
      then
          insertLogical(new Finding(kcontext, Urgency.SOON, "probe-back", "Back"));
      end

      rule "Probe: diabetes needs a clinician soon"
          @id("probe-diabetes") @inventory("RF-06") @urgency("SOON") @source("x#y")
      when
          Observation( sign == "diabetes", present )
      then
          insertLogical(new Finding(kcontext, Urgency.SOON, "probe-diabetes", "Diabetes"));
      end
      """;

  private static Path dir;
  private static Assessor assessor;

  private QuestionFixture() {}

  /** The fixture's rule directory, made once per test run. */
  public static synchronized Path rulesDirectory() {
    if (dir == null) {
      try {
        dir = Files.createTempDirectory("spinefoot-ask-fixture");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      RuleDirs.withDispositionAnd(dir, "ask.drl", RULES);
    }
    return dir;
  }

  /** The fixture loaded once per test run. */
  public static synchronized Assessor assessor() {
    if (assessor == null) {
      assessor = Assessor.fromDirectory(rulesDirectory());
    }
    return assessor;
  }

  /** A record with every red-flag question of the fixture answered no, and nothing else. */
  public static Patient noRedFlags(String id) {
    Patient p = Patient.builder(id).build();
    for (String path : assessor().redFlagQuestions()) {
      p = RecordAnswers.with(p, path, Reply.NO);
    }
    return p;
  }
}
