package org.spinefoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.spinefoot.Fixture;

/** {@code spinefoot impact}, driven through {@link Main#run}, on the fixture rules. */
@Timeout(120)
class ImpactCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private BatchCommandTest.Run impact(String before, String after, Path corpus) {
    return BatchCommandTest.run("", "impact", "--before", before, "--after", after,
        "--json", dir.resolve("impact.json").toString(),
        "--html", dir.resolve("impact.html").toString(), "--threads", "2", corpus.toString());
  }

  @Test
  void aRecordThatWentDownGivesItsOwnExitStatusAndBothReports() throws Exception {
    Path after = org.spinefoot.impact.ImpactFixture.downgradedAndUpgraded(dir.resolve("after"));
    Path corpus = org.spinefoot.impact.ImpactFixture.corpus(dir.resolve("corpus.ndjson"));
    BatchCommandTest.Run r = impact(Fixture.rules().toString(), after.toString(), corpus);
    assertThat(r.code()).as(r.err()).isEqualTo(Main.WENT_DOWN);
    assertThat(r.out()).contains("1 of 3 records went down (review them for safety), 1 went up")
        .contains("1 record could not be compared")
        .contains("before: " + Fixture.rules() + ": ").contains("after:  " + after + ": ");
    assertThat(r.err()).as("the unreadable record, by its line").contains("line 5");
    JsonNode report = JSON.readTree(dir.resolve("impact.json").toFile());
    assertThat(report.get("wentDown").asLong()).isEqualTo(1);
    assertThat(report.get("moved").get(0).get("direction").asText()).isEqualTo("down");
    assertThat(report.get("errors")).hasSize(1);
    assertThat(report.get("before").get("rulesSha256").asText())
        .isNotEqualTo(report.get("after").get("rulesSha256").asText());
    assertThat(Files.readString(dir.resolve("impact.html")))
        .startsWith("<!DOCTYPE html>").contains("Went down: for safety review (1)");
  }

  @Test
  void theSameKnowledgeOnBothSidesSaysNothingMovedAndExitsZero() throws Exception {
    Path corpus = dir.resolve("corpus.ndjson");
    Files.writeString(corpus, JSON.writeValueAsString(JSON.readTree(Fixture.facts(
        "urgent-foot-numbness-fever-weight-loss.json").toFile())) + "\n");
    BatchCommandTest.Run r = impact(Fixture.rules().toString(), Fixture.rules().toString(),
        corpus);
    assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
    assertThat(r.out()).contains("Nothing moved: no disposition, finding or advice changed on "
        + "any of the 1 records compared.");
    assertThat(JSON.readTree(dir.resolve("impact.json").toFile()).get("nothingMoved").asBoolean())
        .isTrue();
    assertThat(Files.readString(dir.resolve("impact.html"))).contains("Nothing moved");
  }

  @Test
  void aMissingCorpusOrKnowledgeBaseIsBadInputAndWritesNoReport() throws Exception {
    BatchCommandTest.Run r = impact(Fixture.rules().toString(), Fixture.rules().toString(),
        dir.resolve("no-such.ndjson"));
    assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err()).contains("no-such.ndjson").contains("no such file");

    Path corpus = Files.writeString(dir.resolve("c.ndjson"), "{}\n");
    r = impact(Fixture.rules().toString(), dir.resolve("missing").toString(), corpus);
    assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err()).contains("--after").contains("no such folder");
    assertThat(dir.resolve("impact.json")).doesNotExist();
    assertThat(dir.resolve("impact.html")).doesNotExist();
  }
}
