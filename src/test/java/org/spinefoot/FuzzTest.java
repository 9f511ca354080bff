package org.spinefoot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.spinefoot.engine.PatientFacts;
import org.spinefoot.io.PatientReader;
import org.spinefoot.io.StrictJson;
import org.spinefoot.review.DrlReader;
import org.spinefoot.review.RuleSafetyCheck;

/**
 * Seeded fuzzing (issue 11): mutated records and rule files, the same every run. A record is
 * either read (and then assessed, and read back the same after writing) or refused with an
 * {@link InvalidInputException} that names it in plain words; a rule file is either loaded or
 * refused with a {@link RuleBaseException}; nothing else escapes, and everything ends in
 * bounded time.
 */
class FuzzTest {
  private static final long SEED = 20_261_201L;
  private static final int RECORDS = 3_000;
  private static final int RULE_FILES_CHECKED = 400;
  private static final int RULE_FILES_LOADED = 12;

  /** Fragments a mutation splices in: the kinds of value that were misread or crashed. */
  private static final String[] JSON_FRAGMENTS = {
      "null", "064", "0x1F", "1_0", "1e400", "-0", "99999999999999999999999", "\"yes\"", "\"Yes\"",
      "true", "\"on\"", "[]", "{}", "[[[[[[[[", "\"\\u0000\"", "\"\\n\"", "\uFEFF", "\"left\"",
      "\"both\"", "\"unknown\"", "-1", "121", "36501", "\"\"", ",", ":", "\"id\"", "\"age\"",
      "\"signs\"", "\"numbness\"", "\"pain\"", "{\"fever\": true}", "\"\uD800\""};
  private static final String[] YAML_FRAGMENTS = {
      "~", "null", "064", "0x1F", "0o17", "1_0", "1:30", "+5", ".inf", ".nan", "Yes", "On", "off",
      "y", "True", "yes", "no", "unknown", "left", "both", "!!str 5", "&a 1", "*a", "[", "{",
      "- ", ": ", "\n", "  ", "\t", "'", "\"", "#", "---\n", "...", "? ", "|\n  x", "\uFEFF",
      "\u0000", "\u0085"};

  @Test
  @Timeout(120)
  void mutatedRecordsAreReadOrRefusedInPlainWords() throws Exception {
    SplittableRandom random = new SplittableRandom(SEED);
    Assessor assessor = TestAssessor.get();
    int read = 0;
    int refused = 0;
    for (int i = 0; i < RECORDS; i++) {
      boolean yaml = i % 2 == 1;
      ObjectMapper mapper = yaml ? StrictJson.yaml(assessor.vocabulary())
          : StrictJson.json(assessor.vocabulary());
      String valid = mapper.writeValueAsString(VariedPatients.patient(i, assessor.vocabulary()));
      // One record in four is left whole: the valid path (assess, write, read back) is fuzzed too.
      String text = i % 4 == 0 ? valid : mutate(valid, random, yaml ? YAML_FRAGMENTS : JSON_FRAGMENTS);
      Patient patient;
      try {
        patient = PatientReader.parse(mapper, text, "fuzz-" + i);
      } catch (InvalidInputException e) {
        assertThat(e.getMessage()).as("record %d: %s", i, text)
            .startsWith("fuzz-" + i)
            .doesNotContain("JsonToken").doesNotContain("com.fasterxml")
            .doesNotContain("org.yaml");
        refused++;
        continue;
      } catch (RuntimeException e) {
        throw new AssertionError("record " + i + " escaped as " + e + ":\n" + text, e);
      }
      read++;
      assertThat(assessor.assess(patient).disposition()).isNotNull();
      Patient again = PatientReader.parse(mapper, mapper.writeValueAsString(patient), "again");
      PatientFacts facts = PatientFacts.of(assessor.vocabulary());
      assertThat(facts.slots(again)).as("record %d read back", i).isEqualTo(facts.slots(patient));
    }
    assertThat(read).as("the whole records and some mutated ones are read").isGreaterThan(RECORDS / 4);
    assertThat(refused).as("most mutations break it").isGreaterThan(RECORDS / 4);
  }

  private static final String RULE = """
      package probe;

      import org.spinefoot.engine.facts.*;

      rule "Probe: fever with foot numbness"
          @id("probe-fever-foot") @inventory("RF-01") @urgency("NONE") @source("x#y")
      when
          Observation( sign == "fever", present )
          Age( years > 50 )
      then
          insertLogical(new Finding(kcontext, "probe", "Probe", Urgency.URGENT));
      end
      """;
  private static final String[] DRL_FRAGMENTS = {
      "when", "then", "end", "rule \"x\"", "(", ")", "\"", "//", "/*", "eval(true)", "not",
      "System.exit(0);", "new java.io.File(\"x\");", "sign == \"FEVER\"", "@id(\"a\")",
      "insert(new Object());", "&&", "||", "from", "accumulate", "function", "import java.io.*;",
      "\n", "\u0000", "$x :", "Age()", ";", "{", "}", "declare X end", "query q() end"};

  @Test
  @Timeout(120)
  void mutatedRuleFilesAreReadByTheReviewToolsWithoutCrashing() {
    SplittableRandom random = new SplittableRandom(SEED + 1);
    for (int i = 0; i < RULE_FILES_CHECKED; i++) {
      String drl = mutate(RULE, random, DRL_FRAGMENTS);
      try {
        RuleSafetyCheck.check(drl);
        DrlReader.parse("probe/fuzz.drl", drl);
      } catch (RuntimeException e) {
        throw new AssertionError("rule file " + i + " crashed the review tools: " + e + "\n" + drl, e);
      }
    }
  }

  @TempDir Path dir;

  @Test
  @Timeout(300)
  void mutatedRuleFilesLoadOrAreRefusedWithTheFile() throws Exception {
    SplittableRandom random = new SplittableRandom(SEED + 2);
    List<String> outcomes = new ArrayList<>();
    for (int i = 0; i < RULE_FILES_LOADED; i++) {
      String drl = mutate(RULE, random, DRL_FRAGMENTS);
      Path rules = dir.resolve("rules" + i);
      RuleDirs.withDispositionAnd(rules, "fuzz.drl", "");
      Files.writeString(rules.resolve("probe/fuzz.drl"), drl);
      try {
        Assessor.fromDirectory(rules, Assessor.DEFAULT_MAX_FIRINGS,
            java.time.Duration.ofSeconds(2));
        outcomes.add("loaded");
      } catch (RuleBaseException e) {
        assertThat(e.problems()).as("rule file %d:\n%s", i, drl).isNotEmpty();
        outcomes.add("refused");
      } catch (RuntimeException e) {
        fail("rule file " + i + " escaped as " + e + ":\n" + drl, e);
      }
    }
    assertThat(outcomes).contains("refused");
  }

  /** One to three edits: splice in a fragment, delete a span, cut the text short, or swap. */
  static String mutate(String text, SplittableRandom random, String[] fragments) {
    StringBuilder sb = new StringBuilder(text);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int at = sb.length() == 0 ? 0 : random.nextInt(sb.length());
      switch (random.nextInt(5)) {
        case 0, 1 -> sb.insert(at, fragments[random.nextInt(fragments.length)]);
        case 2 -> sb.delete(at, Math.min(sb.length(), at + 1 + random.nextInt(8)));
        case 3 -> {
          if (random.nextInt(4) == 0) {
            sb.setLength(at);
          } else {
            sb.replace(at, Math.min(sb.length(), at + 1),
                fragments[random.nextInt(fragments.length)]);
          }
        }
        default -> {
          if (sb.length() > 2) {
            int other = random.nextInt(sb.length());
            char c = sb.charAt(at);
            sb.setCharAt(at, sb.charAt(other));
            sb.setCharAt(other, c);
          }
        }
      }
    }
    return sb.toString();
  }
}
