package org.spinefoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.spinefoot.RuleInfo;
import org.spinefoot.TestAssessor;
import org.spinefoot.Urgency;

/** {@code assess --for patient} reads at about a reading age of 12 and shows no internals. */
class PatientReportTest {
  /** Flesch-Kincaid grade 8 is a reading age of about 13; most examples read well below it. */
  static final double MAX_GRADE = 8.0;

  @Test
  void everyExampleReadsAtAboutAReadingAgeOfTwelve() throws IOException {
    for (Path example : GoldenReportsTest.examples()) {
      String text = GoldenReportsTest.assess(GoldenReportsTest.Mode.PATIENT, example);
      assertThat(fleschKincaidGrade(text)).as("Flesch-Kincaid grade of %s:%n%s", example, text)
          .isLessThanOrEqualTo(MAX_GRADE);
    }
  }

  @Test
  void thePatientNeverSeesAnIdARuleNameOrACode() throws IOException {
    List<RuleInfo> rules = TestAssessor.get().rules();
    for (Path example : GoldenReportsTest.examples()) {
      String text = GoldenReportsTest.assess(GoldenReportsTest.Mode.PATIENT, example);
      assertThat(text).as(example.toString()).doesNotContainPattern("\\b[A-Z]{2,3}-\\d\\d\\b");
      for (Urgency u : Urgency.values()) {
        assertThat(text).doesNotContain(u.name());
      }
      for (RuleInfo r : rules) {
        assertThat(text).as(example.toString()).doesNotContain(r.id()).doesNotContain(r.name());
        r.concludes().forEach(id -> assertThat(text).doesNotContain(id));
      }
    }
  }

  @Test
  void theGradeOfASimpleTextIsLowAndOfADenseOneHigh() {
    assertThat(fleschKincaidGrade("The cat sat on the mat. It was a big cat.")).isLessThan(2);
    assertThat(fleschKincaidGrade("Radiculopathy secondary to intervertebral disc herniation "
        + "necessitates comprehensive neurological evaluation and multidisciplinary "
        + "consideration of decompressive intervention.")).isGreaterThan(16);
  }

  /**
   * 0.39 (words / sentences) + 11.8 (syllables / words) - 15.59. A sentence ends at . ! or ?,
   * and at the end of a heading or list item, which stand alone like sentences.
   */
  static double fleschKincaidGrade(String text) {
    List<String> sentences = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n")) {
      String s = line.strip();
      boolean startsUnit = s.isEmpty() || s.startsWith("- ") || !line.startsWith(" ")
          || s.startsWith("If you");
      if (startsUnit && current.length() > 0) {
        sentences.addAll(List.of(current.toString().split("(?<=[.!?])\\s+")));
        current.setLength(0);
      }
      current.append(' ').append(s.startsWith("- ") ? s.substring(2) : s);
    }
    sentences.addAll(List.of(current.toString().split("(?<=[.!?])\\s+")));
    sentences.removeIf(s -> !s.matches("(?s).*[A-Za-z].*"));
    int words = 0;
    int syllables = 0;
    Matcher m = Pattern.compile("[A-Za-z][A-Za-z'-]*").matcher(String.join(" ", sentences));
    while (m.find()) {
      words++;
      syllables += syllables(m.group());
    }
    return 0.39 * words / sentences.size() + 11.8 * syllables / words - 15.59;
  }

  // Vowel groups, less a silent final e or -ed/-es: the usual estimate.
  static int syllables(String word) {
    String w = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    if (w.length() <= 3) {
      return 1;
    }
    w = w.replaceAll("(?:[^laeiouy]es|ed|[^laeiouy]e)$", "").replaceAll("^y", "");
    Matcher m = Pattern.compile("[aeiouy]{1,2}").matcher(w);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return Math.max(1, n);
  }
}
