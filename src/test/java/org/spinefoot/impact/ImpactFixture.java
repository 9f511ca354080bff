package org.spinefoot.impact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spinefoot.Fixture;
import org.spinefoot.Patient;
import org.spinefoot.io.PatientReader;
import org.spinefoot.io.StrictJson;
import org.spinefoot.review.ProjectCopy;

/**
 * A knowledge change on the fixture rules that is sure to move one record down and one up, and a
 * small corpus that shows both, for the tests of {@code impact}.
 */
public final class ImpactFixture {
  /** The rule the change lowers from URGENT to SOON. */
  public static final String LOWERED_RULE = "rf-systemic-signs-with-foot-numbness";
  /** The corpus line that goes up (SELF_CARE to SOON), before the one that goes down. */
  public static final long UP_LINE = 1;
  /** The corpus line that goes down (URGENT to SOON). */
  public static final long DOWN_LINE = 3;
  /** The corpus line that is not a record. */
  public static final long BAD_LINE = 5;

  private static final ObjectMapper JSON = new ObjectMapper();

  private ImpactFixture() {}

  /**
   * A copy of the fixture rules changed twice: the urgent systemic-signs red flag lowered to
   * SOON (a record with fever and foot numbness goes down), and a sciatica pattern no longer
   * explaining the numbness (a record with leg pain and foot numbness goes up to SOON).
   */
  public static Path downgradedAndUpgraded(Path into) {
    copy(Fixture.rules(), into);
    Path redFlags = into.resolve("redflags/red-flags.drl");
    String drl = read(redFlags);
    int start = drl.indexOf("@id(\"" + LOWERED_RULE + "\")");
    int end = drl.indexOf("\nend", start);
    String rule = drl.substring(start, end);
    String lowered = rule.replace("@urgency(\"URGENT\")", "@urgency(\"SOON\")")
        .replace("Urgency.URGENT", "Urgency.SOON");
    changed(rule, lowered);
    write(redFlags, drl.substring(0, start) + lowered + drl.substring(end));
    Path sciatica = into.resolve("sciatica/sciatica.drl");
    String text = read(sciatica);
    String unexplained = text.replace(
        "    insertLogical(new NumbnessExplained(kcontext, \"a sciatica pattern\"));\n", "");
    changed(text, unexplained);
    write(sciatica, unexplained);
    return into;
  }

  private static void changed(String was, String now) {
    if (was.equals(now)) {
      throw new IllegalStateException("the fixture rules changed: the edit no longer applies");
    }
  }

  /**
   * The corpus: line 1 goes up, line 2 is blank, line 3 goes down, line 4 stays, line 5 is not a
   * record. Line 1's id needs escaping in HTML.
   */
  public static Path corpus(Path file) {
    try {
      ObjectNode down = (ObjectNode) JSON.readTree(
          read(Fixture.facts("urgent-foot-numbness-fever-weight-loss.json")));
      Patient baseline = PatientReader.read(Fixture.facts("baseline-no-red-flags.yaml"),
          Fixture.assessor().vocabulary());
      // Every red-flag question answered no, leg pain and foot numbness: a sciatica pattern.
      ObjectNode up = (ObjectNode) JSON.readTree(StrictJson.json().writeValueAsString(baseline));
      up.put("id", "sciatica <leg pain>");
      ((ObjectNode) up.get("signs")).put("painRadiatesDownLeg", "yes");
      ((ObjectNode) up.get("numbness")).put("foot", "left");
      write(file, JSON.writeValueAsString(up) + "\n\n" + JSON.writeValueAsString(down) + "\n"
          + StrictJson.json().writeValueAsString(baseline) + "\n{\"age\": \"old\"}\n");
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The corpus with its unreadable line blanked, to assess directly; the numbers stay. */
  public static Path readable(Path corpus) {
    try {
      List<String> all = new ArrayList<>(Files.readAllLines(corpus, StandardCharsets.UTF_8));
      all.set((int) BAD_LINE - 1, "");
      Path out = corpus.resolveSibling("readable-" + corpus.getFileName());
      write(out, String.join("\n", all) + "\n");
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a folder and everything under it; returns the copy. */
  public static Path copy(Path from, Path to) {
    ProjectCopy.copyTree(from, to);
    return to;
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path file, String text) {
    ProjectCopy.write(file, text);
  }
}
