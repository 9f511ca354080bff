package org.spinefoot.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinefoot.Assessment;
import org.spinefoot.Assessor;
import org.spinefoot.Fixture;
import org.spinefoot.Urgency;
import org.spinefoot.batch.BatchAssessor;
import org.spinefoot.fhir.Fhir;
import org.spinefoot.io.PatientReader;
import org.spinefoot.io.StrictJson;
import org.spinefoot.review.DrlReader;
import org.spinefoot.review.DrlRule;

/**
 * {@link ImpactRun} checked against a direct assessment of every record with the two knowledge
 * bases: on the shipped corpus with the shipped rules against a copy with one threshold moved,
 * and on the fixture rules against a copy changed so that one record is sure to go down.
 */
class ImpactTest {
  static final Path SHIPPED_CORPUS = Path.of("facts/corpus/synthetic-1000.ndjson");
  /** Threshold changes tried, in the rules' order, until one moves a record of the corpus. */
  private static final int THRESHOLDS_TRIED = 4;

  @TempDir Path dir;

  static KnowledgeSource.Loaded load(String spec, Path workingDirectory) {
    return KnowledgeSource.load(spec, workingDirectory, Assessor.DEFAULT_MAX_FIRINGS,
        Assessor.DEFAULT_TIME_BUDGET);
  }

  static KnowledgeSource.Loaded load(Path rules) {
    return load(rules.toAbsolutePath().toString(), Path.of(""));
  }

  static ImpactReport impact(KnowledgeSource.Loaded before, KnowledgeSource.Loaded after,
      Path corpus, int threads) throws Exception {
    return new ImpactRun(before, after, threads).run(Corpus.of(corpus),
        BatchAssessor.Progress.NONE);
  }

  @Test
  void oneThresholdChangedInTheShippedRulesReportsExactlyTheRecordsThatMoved() throws Exception {
    Path shipped = Path.of("rules");
    KnowledgeSource.Loaded before = load(shipped);
    List<Threshold> thresholds = thresholds(shipped, dispositionSetters(before.assessor()));
    assertThat(thresholds).as("the shipped rules compare some field with a number").isNotEmpty();
    List<String> tried = new ArrayList<>();
    for (Threshold threshold : thresholds.subList(0,
        Math.min(THRESHOLDS_TRIED, thresholds.size()))) {
      Path changed = ImpactFixture.copy(shipped, dir.resolve("after-" + tried.size()));
      ImpactFixture.write(changed.resolve(threshold.file()), threshold.changedText());
      KnowledgeSource.Loaded after = load(changed);
      assertThat(after.assessor().knowledge().rulesSha256())
          .isNotEqualTo(before.assessor().knowledge().rulesSha256());

      ImpactReport report = impact(before, after, SHIPPED_CORPUS, 2);
      Map<Long, List<Urgency>> direct = directlyMoved(before.assessor(), after.assessor(),
          SHIPPED_CORPUS);
      Map<Long, List<Urgency>> reported = new TreeMap<>();
      report.moved().forEach(m -> reported.put(m.record(), List.of(m.before(), m.after())));
      assertThat(reported).as(threshold.describe()).isEqualTo(direct);
      assertThat(report.errors()).isEmpty();
      assertThat(report.corpus().compared()).isEqualTo(lines(SHIPPED_CORPUS).size());
      assertThat(report.wentDown()).isEqualTo(direct.values().stream()
          .filter(m -> m.get(1).compareTo(m.get(0)) < 0).count());
      assertThat(report.moved()).allSatisfy(m -> assertThat(m.changes()).isNotEmpty());
      tried.add(threshold.describe() + ": " + direct.size() + " moved");
      if (!direct.isEmpty()) {
        assertThat(report.nothingMoved()).isFalse();
        assertThat(report.examples()).isNotEmpty();
        return;
      }
    }
    throw new AssertionError("no threshold tried moved a record of the corpus: " + tried);
  }

  /** A field compared with a whole number in a rule's conditions: {@code years >= 50}. */
  private static final Pattern COMPARISON =
      Pattern.compile("\\b([a-z]\\w*)\\s*(>=|<=|>|<)\\s*(\\d+)\\b");

  /** One threshold of a rule file moved far enough to matter: the file's text with it moved. */
  record Threshold(String file, String rule, int sets, String was, String now,
      String changedText) {
    String describe() {
      return file + ": " + rule + ": '" + was + "' to '" + now + "'";
    }
  }

  /**
   * By rule ID, on how many records of the corpus the rule supports a finding at the record's
   * disposition: a rule that sets dispositions, made stricter, moves records.
   */
  static Map<String, Integer> dispositionSetters(Assessor assessor) {
    Map<String, Integer> out = new java.util.HashMap<>();
    lines(SHIPPED_CORPUS).forEach((number, text) -> {
      Assessment a = assessor.assess(PatientReader.parse(StrictJson.json(assessor.vocabulary()),
          text, "line " + number));
      a.findings().stream().filter(f -> f.urgency() == a.disposition())
          .flatMap(f -> f.because().stream()).map(Assessment.Reason::rule).distinct()
          .forEach(rule -> out.merge(rule, 1, Integer::sum));
    });
    return out;
  }

  /**
   * Every comparison of a field with a number of 2 or more in the conditions of a rule that sets
   * some record's disposition, each made stricter so that about half as many values pass ({@code
   * >= 50} to {@code >= 100}, {@code < 20} to {@code < 10}): the rules setting the most
   * dispositions first.
   */
  static List<Threshold> thresholds(Path rules, Map<String, Integer> setters) {
    List<Threshold> out = new ArrayList<>();
    DrlReader.readFiles(rules).forEach((file, text) -> {
      for (DrlRule rule : DrlReader.parse(file, text)) {
        int sets = setters.getOrDefault(rule.value("id"), 0);
        int at = text.indexOf(rule.text());
        if (sets == 0 || at < 0) {
          continue;
        }
        // Searched from the rule's "when" line, so that the same words in an annotation are not
        // taken for the condition.
        int when = at;
        for (int line = rule.line(); line < rule.whenLine(); line++) {
          when = text.indexOf('\n', when) + 1;
        }
        Matcher m = COMPARISON.matcher(rule.when());
        while (m.find()) {
          long n = Long.parseLong(m.group(3));
          String inRule = m.group();
          int inText = text.indexOf(inRule, when);
          if (n < 2 || inText < 0 || inText > at + rule.text().length()) {
            continue;
          }
          long stricter = m.group(2).startsWith(">") ? n * 2 : n / 2;
          String now = m.group(1) + " " + m.group(2) + " " + stricter;
          out.add(new Threshold(file, rule.name(), sets, inRule, now,
              text.substring(0, inText) + now + text.substring(inText + inRule.length())));
        }
      }
    });
    out.sort(java.util.Comparator.comparingInt(Threshold::sets).reversed());
    return out;
  }

  /** Records whose disposition differs between the two, by line: assessed one by one. */
  static Map<Long, List<Urgency>> directlyMoved(Assessor before, Assessor after, Path corpus) {
    Map<Long, List<Urgency>> out = new TreeMap<>();
    lines(corpus).forEach((number, text) -> {
      Urgency b = before.assess(PatientReader.parse(StrictJson.json(before.vocabulary()), text,
          "line " + number)).disposition();
      Urgency a = after.assess(PatientReader.parse(StrictJson.json(after.vocabulary()), text,
          "line " + number)).disposition();
      if (a != b) {
        out.put(number, List.of(b, a));
      }
    });
    return out;
  }

  /** The non-blank lines of a file, by line number. */
  static Map<Long, String> lines(Path file) {
    try {
      Map<Long, String> out = new LinkedHashMap<>();
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < all.size(); i++) {
        if (!all.get(i).isBlank()) {
          out.put(i + 1L, all.get(i));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aDowngradeIsListedFirstForSafetyReviewWithTheAnswersBehindIt() throws Exception {
    Path before = ImpactFixture.copy(Fixture.rules(), dir.resolve("before"));
    Path after = ImpactFixture.downgradedAndUpgraded(dir.resolve("after"));
    Path corpus = ImpactFixture.corpus(dir.resolve("corpus.ndjson"));
    KnowledgeSource.Loaded was = load(before);
    KnowledgeSource.Loaded now = load(after);
    ImpactReport report = impact(was, now, corpus, 3);

    Map<Long, List<Urgency>> direct = directlyMoved(was.assessor(), now.assessor(),
        ImpactFixture.readable(corpus));
    Map<Long, List<Urgency>> reported = new TreeMap<>();
    report.moved().forEach(m -> reported.put(m.record(), List.of(m.before(), m.after())));
    assertThat(reported).isEqualTo(direct);
    assertThat(report.wentDown()).isEqualTo(1);
    assertThat(report.wentUp()).isEqualTo(1);
    assertThat(report.moved()).extracting(ImpactReport.Moved::record)
        .as("the downgrade first, though the upgrade comes earlier in the corpus")
        .containsExactly(ImpactFixture.DOWN_LINE, ImpactFixture.UP_LINE);
    ImpactReport.Moved down = report.moved().get(0);
    assertThat(down.safetyReview()).isTrue();
    assertThat(down.direction()).isEqualTo("down");
    assertThat(down.answers()).as("the answers the lowered rule read").isNotEmpty()
        .allSatisfy(a -> assertThat(a).isNotBlank());
    assertThat(report.moved().get(1).safetyReview()).isFalse();
    assertThat(report.dispositions().get(Urgency.URGENT).get(Urgency.SOON)).isEqualTo(1);

    ImpactReport.Change lowered = report.changes().stream()
        .filter(c -> c.change().equals("urgency")).findFirst().orElseThrow();
    assertThat(lowered.from()).isEqualTo(Urgency.URGENT);
    assertThat(lowered.to()).isEqualTo(Urgency.SOON);
    assertThat(lowered.rules()).extracting(ImpactReport.RuleRef::id)
        .containsExactly(ImpactFixture.LOWERED_RULE);
    assertThat(lowered.rules().get(0).inventory()).isNotEmpty();
    assertThat(lowered.examples()).containsExactly(ImpactFixture.DOWN_LINE);
    assertThat(report.examples()).extracting(ImpactReport.Example::record)
        .contains(ImpactFixture.DOWN_LINE, ImpactFixture.UP_LINE);
    ImpactReport.Example shown = report.examples().stream()
        .filter(e -> e.record() == ImpactFixture.DOWN_LINE).findFirst().orElseThrow();
    assertThat(shown.beforeReport()).contains("Disposition: URGENT");
    assertThat(shown.afterReport()).contains("Disposition: SOON");

    assertThat(report.errors()).singleElement().satisfies(e -> {
      assertThat(e.record()).isEqualTo(ImpactFixture.BAD_LINE);
      assertThat(e.side()).isEqualTo("both");
      assertThat(e.kind()).isEqualTo("input");
    });
    assertThat(report.corpus().blank()).isEqualTo(1);
    assertThat(report.corpus().failed()).isEqualTo(1);

    String html = ImpactHtml.render(report);
    assertThat(html).contains("Went down: for safety review (1)")
        .doesNotContain("<script").contains("&lt;");
  }

  @Test
  void theSameKnowledgeOnBothSidesSaysNothingMoved() throws Exception {
    KnowledgeSource.Loaded fixture = load(Fixture.rules());
    ImpactReport report = impact(fixture, load(ImpactFixture.copy(Fixture.rules(), dir.resolve("copy"))),
        ImpactFixture.corpus(dir.resolve("corpus.ndjson")), 2);
    assertThat(report.nothingMoved()).isTrue();
    assertThat(report.summary()).startsWith("Nothing moved");
    assertThat(report.moved()).isEmpty();
    assertThat(report.changes()).isEmpty();
    assertThat(report.before().rulesSha256()).isEqualTo(report.after().rulesSha256());
    assertThat(ImpactHtml.render(report)).contains("Nothing moved");
  }

  @Test
  void theReportDoesNotDependOnTheNumberOfThreads() throws Exception {
    KnowledgeSource.Loaded was = load(Fixture.rules());
    KnowledgeSource.Loaded now = load(ImpactFixture.downgradedAndUpgraded(dir.resolve("after")));
    Path corpus = ImpactFixture.corpus(dir.resolve("corpus.ndjson"));
    assertThat(impact(was, now, corpus, 1).toJson()).isEqualTo(impact(was, now, corpus, 4)
        .toJson());
  }

  @Test
  void aFolderOfRecordFilesIsACorpusToo() throws Exception {
    KnowledgeSource.Loaded was = load(Fixture.rules());
    KnowledgeSource.Loaded now = load(ImpactFixture.downgradedAndUpgraded(dir.resolve("after")));
    ImpactReport report = impact(was, now, Fixture.ROOT.resolve("facts"), 2);
    assertThat(report.errors()).isEmpty();
    try (Stream<Path> files = Files.list(Fixture.ROOT.resolve("facts"))) {
      assertThat(report.corpus().compared()).isEqualTo(files.count());
    }
    assertThat(report.moved()).anySatisfy(m -> {
      assertThat(m.source()).endsWith("urgent-foot-numbness-fever-weight-loss.json");
      assertThat(m.after()).isEqualTo(Urgency.SOON);
    });
  }

  @Test
  void fhirQuestionnaireResponsesAreRecordsToo() throws Exception {
    ObjectNode down = Fhir.redFlagsNo(Fhir.response("qr-down"), "signs.fever",
        "numbness.foot");
    Fhir.yesNo(down, "signs.fever", true);
    Fhir.felt(down, "numbness.foot", "right");
    ObjectNode up = Fhir.redFlagsNo(Fhir.response("qr-up"), "numbness.foot");
    Fhir.felt(up, "numbness.foot", "left");
    Fhir.yesNo(up, "signs.painRadiatesDownLeg", true);
    Path corpus = dir.resolve("responses.ndjson");
    ImpactFixture.write(corpus, up + "\n" + down + "\n");

    ImpactReport report = impact(load(Fixture.rules()),
        load(ImpactFixture.downgradedAndUpgraded(dir.resolve("after"))), corpus, 2);
    assertThat(report.errors()).isEmpty();
    assertThat(report.moved()).extracting(ImpactReport.Moved::id, ImpactReport.Moved::direction)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("qr-down", "down"),
            org.assertj.core.groups.Tuple.tuple("qr-up", "up"));
  }

  @Test
  void aGitRevisionIsTheRulesFolderAsCommitted() throws Exception {
    Path repo = dir.resolve("repo");
    ImpactFixture.copy(Fixture.rules(), repo.resolve("rules"));
    git(repo, "init", "-q");
    git(repo, "add", "rules");
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "rules");
    ImpactFixture.downgradedAndUpgraded(repo.resolve("rules-changed"));
    replace(repo.resolve("rules"), repo.resolve("rules-changed"));
    git(repo, "add", "-A", "rules");
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "lower");

    KnowledgeSource.Loaded old = load("git:HEAD~1", repo);
    KnowledgeSource.Loaded current = load("git:HEAD:rules", repo);
    assertThat(old.assessor().knowledge().rulesSha256())
        .isEqualTo(load(Fixture.rules()).assessor().knowledge().rulesSha256());
    assertThat(current.assessor().knowledge().rulesSha256())
        .isEqualTo(load(repo.resolve("rules")).assessor().knowledge().rulesSha256());
    assertThat(old.origin()).startsWith("git:HEAD~1 (commit ");
    ImpactReport report = impact(old, current, ImpactFixture.corpus(dir.resolve("c.ndjson")), 2);
    assertThat(report.wentDown()).isEqualTo(1);
    assertThat(report.before().source()).startsWith("git:HEAD~1");

    assertThatThrownBy(() -> load("git:no-such-revision", repo))
        .isInstanceOf(KnowledgeSource.UnavailableException.class)
        .hasMessageContaining("no such revision");
  }

  @Test
  void aKnowledgeBaseJarIsTheRulesItCarries() throws Exception {
    Path jar = dir.resolve("kb.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(out);
        Stream<Path> walk = Files.walk(Fixture.rules())) {
      for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
        zip.putNextEntry(new ZipEntry(KnowledgeSource.JAR_RULES
            + Fixture.rules().relativize(f).toString().replace('\\', '/')));
        zip.write(Files.readAllBytes(f));
        zip.closeEntry();
      }
      zip.putNextEntry(new ZipEntry("org/example/Other.class"));
      zip.closeEntry();
    }
    KnowledgeSource.Loaded fromJar = load(jar.toString(), Path.of(""));
    assertThat(fromJar.assessor().knowledge().rulesSha256())
        .isEqualTo(load(Fixture.rules()).assessor().knowledge().rulesSha256());

    Path empty = dir.resolve("empty.jar");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(empty))) {
      zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
      zip.closeEntry();
    }
    assertThatThrownBy(() -> load(empty.toString(), Path.of("")))
        .isInstanceOf(KnowledgeSource.UnavailableException.class)
        .hasMessageContaining("carries no rules");
    assertThatThrownBy(() -> load(dir.resolve("none").toString(), Path.of("")))
        .isInstanceOf(KnowledgeSource.UnavailableException.class)
        .hasMessageContaining("no such folder");
  }

  private static void replace(Path target, Path with) throws IOException {
    try (Stream<Path> walk = Files.walk(target)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    Files.move(with, target);
  }



  static void git(Path repo, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("git %s: %s", String.join(" ", args), output).isZero();
  }
}
