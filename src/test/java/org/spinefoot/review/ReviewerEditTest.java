package org.spinefoot.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinefoot.Assessor;
import org.spinefoot.InventoryItem;
import org.spinefoot.Sign;
import org.spinefoot.Site;
import org.spinefoot.cases.CaseResult;
import org.spinefoot.cases.CaseRunner;
import org.spinefoot.cases.Coverage;
import org.spinefoot.cli.Main;

/**
 * The proof that the Java tests follow the knowledge instead of pinning it: on a copy of the
 * project's own rules, cases and example patients, a reviewer adds an inventory item (with the
 * next free ID), a red-flag rule for it and two cases, then changes the rule's threshold and
 * updates its cases; the build's checks of the knowledge (lint, every case, coverage) and
 * {@code ./spinefoot test} pass on the copy with no Java change and no other file touched.
 * Nothing here names today's rules, IDs or counts.
 */
class ReviewerEditTest {

  @TempDir Path dir;

  @Test
  void aNewRedFlagItemWithItsRuleAndCasesAndAChangedThresholdPassTheBuildsChecks()
      throws IOException {
    ProjectCopy copy = ProjectCopy.shipped(dir);
    String item = ProjectCopy.nextId(copy.rules().resolve("inventory.yaml"), "RF");
    assertThat(item).matches(InventoryItem.ID_FORM);

    Path inventory = copy.rules().resolve("inventory.yaml");
    Files.writeString(inventory, Files.readString(inventory) + "- id: " + item + "\n"
        + "  title: Fever with numbness in the saddle area after fifty (possible spinal infection)\n"
        + "  urgency: URGENT\n"
        + "  sources: [\"003_a4bae2cf7cb8373c.txt#Recognizing Warning Signs\"]\n");
    ProjectCopy.write(copy.rules().resolve("redflags/reviewer-spinal-infection.drl"), """
        package redflags;

        import org.spinefoot.engine.facts.*;

        // Added by a reviewer: an epidural abscess can press on the cauda equina.
        rule "Red flag: fever with numbness in the saddle area after fifty may be a spinal infection"
            @id("reviewer-spinal-infection")
            @inventory("%s")
            @urgency("URGENT")
            @source("003_a4bae2cf7cb8373c.txt#Recognizing Warning Signs")
        when
            Observation( sign == "fever", present )
            Numbness( site == "saddle", present )
            Age( years >= 50 )
        then
            insertLogical(new Finding(kcontext, Urgency.URGENT, "reviewer-spinal-infection",
                "Possible infection in the spine"));
        end
        """.formatted(item));
    ProjectCopy.write(copy.root.resolve("facts/reviewer-everything-answered-no.yaml"),
        everythingAnsweredNo());
    writeCases(copy, item, 50);

    assertKnowledgeChecksPass(copy);

    // The reviewer moves the threshold and the cases at its edge with it.
    copy.replace("rules/redflags/reviewer-spinal-infection.drl", "years >= 50", "years >= 60");
    writeCases(copy, item, 60);

    assertKnowledgeChecksPass(copy);
  }

  /** A record answering every question no, built from the questions the program knows. */
  private static String everythingAnsweredNo() {
    StringBuilder yaml = new StringBuilder("id: reviewer-everything-answered-no\n"
        + "description: Every question asked and answered no.\nsigns:\n");
    for (Sign s : org.spinefoot.Vocabulary.packaged().signs()) {
      yaml.append("  ").append(s.key()).append(": no\n");
    }
    yaml.append("numbness:\n");
    for (Site s : org.spinefoot.Vocabulary.packaged().sites()) {
      if (s.isNumbnessSite()) {
        yaml.append("  ").append(s.key()).append(": no\n");
      }
    }
    yaml.append("pain:\n");
    for (Site s : org.spinefoot.Vocabulary.packaged().sites()) {
      if (s.isPainSite()) {
        yaml.append("  ").append(s.key()).append(": no\n");
      }
    }
    yaml.append("weakness:\n");
    for (Site s : org.spinefoot.Vocabulary.packaged().sites()) {
      if (s.isWeaknessSite()) {
        yaml.append("  ").append(s.key()).append(": no\n");
      }
    }
    return yaml.toString();
  }

  private static void writeCases(ProjectCopy copy, String item, int threshold) {
    ProjectCopy.write(copy.cases().resolve("reviewer-fever-saddle-numbness-at-threshold.yaml"), """
        name: Fever with saddle numbness at %1$d is a possible spinal infection
        description: At the age threshold the rule fires and the finding stands.
        checks: [%2$s]
        patientFile: ../facts/reviewer-everything-answered-no.yaml
        patient:
          age: %1$d
          signs: {fever: yes}
          numbness: {saddle: yes}
        expect:
          present: [reviewer-spinal-infection, %2$s]
          rulesFired: [reviewer-spinal-infection]
        """.formatted(threshold, item));
    ProjectCopy.write(copy.cases().resolve("reviewer-fever-saddle-numbness-below-threshold.yaml"),
        """
        name: Fever with saddle numbness at %1$d is below the age threshold
        description: One year under the threshold the rule does not fire (the near-miss).
        checks: [%2$s]
        patientFile: ../facts/reviewer-everything-answered-no.yaml
        patient:
          age: %1$d
          signs: {fever: yes}
          numbness: {saddle: yes}
        expect:
          absent: [reviewer-spinal-infection, %2$s]
          rulesNotFired: [reviewer-spinal-infection]
        """.formatted(threshold - 1, item));
  }

  /**
   * What {@code mvn verify} checks of the knowledge: lint, every case, coverage; and the
   * reviewer's own {@code ./spinefoot test}, which must agree with it.
   */
  private static void assertKnowledgeChecksPass(ProjectCopy copy) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    int code = Main.run(new String[] {"--rules", copy.rules().toString(), "test",
        copy.cases().toString()}, print, print);
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(printed).isZero();
    assertThat(printed).contains(" 0 failed, 0 problems in the cases, 0 coverage gaps");

    Lint.Result lint = Lint.run(copy.rules(), copy.cases());
    assertThat(lint.errors()).as(lint.report()).isEmpty();

    Assessor assessor = Assessor.fromDirectory(copy.rules());
    List<CaseResult> results = new CaseRunner(assessor).runAll(copy.cases());
    assertThat(results).filteredOn(r -> !r.passed())
        .as("failing cases").extracting(r -> r.name() + ": " + r.failures()).isEmpty();
    Coverage coverage = Coverage.of(assessor, results);
    assertThat(coverage.gaps()).as(coverage.report()).isEmpty();
  }
}
