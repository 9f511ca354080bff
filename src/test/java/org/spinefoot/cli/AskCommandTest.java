package org.spinefoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinefoot.Answer;
import org.spinefoot.Patient;
import org.spinefoot.QuestionFixture;
import org.spinefoot.Reply;
import org.spinefoot.Sign;
import org.spinefoot.engine.RecordAnswers;
import org.spinefoot.io.PatientReader;
import org.spinefoot.io.PatientWriter;

/** {@code spinefoot ask} with answers from standard input, on the fixture rules. */
class AskCommandTest {
  @TempDir Path dir;

  static MainTest.Run ask(String input, String... args) {
    return askWith(QuestionFixture.rulesDirectory(), input, args);
  }

  static MainTest.Run askWith(Path rules, String input, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] all = new String[args.length + 3];
    all[0] = "--rules";
    all[1] = rules.toString();
    all[2] = "ask";
    System.arraycopy(args, 0, all, 3, args.length);
    int code = Main.run(all, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new MainTest.Run(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aYesToTheEmergencyRedFlagAskedFirstSettlesItAtOnce() throws IOException {
    Path saved = dir.resolve("saved.yaml");
    MainTest.Run r = ask("yes\n", "--save", saved.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Disposition so far: SOON")
        .contains("1. " + patientWords("signs.bladderOrBowelControlLost"))
        .contains("Why it matters: red-flag question; if yes: EMERGENCY")
        .contains("Disposition so far: EMERGENCY - call emergency services now; stop the exercises")
        .doesNotContain("2. ")
        .contains("Settled: no remaining question could change the disposition.")
        .contains("Disposition: EMERGENCY")
        .contains("What would change it (one answer different)")
        .contains("Saved the record to " + saved);
    Patient back = PatientReader.read(saved);
    assertThat(back.answer(Sign.of("bladderOrBowelControlLost"))).isEqualTo(Answer.PRESENT);
    assertThat(back.signs()).hasSize(1);
  }

  @Test
  void backTakesAnAnswerBackAndABadAnswerIsAskedAgain() {
    MainTest.Run r = ask("no\nsideways\nleft\nback\nno\nyes\n" + "no\n".repeat(100));
    assertThat(r.code()).as(r.err()).isZero();
    String out = r.out();
    assertThat(out).contains("Please answer yes, no or unknown")
        .contains("This question takes yes, no or unknown.")
        .contains("Took back the answer to \"loss of bladder or bowel control\".")
        .contains("Disposition so far: URGENT");
    // Fever asked three times (after two bad answers, then back), and once more after bladder.
    assertThat(out.split(java.util.regex.Pattern.quote(patientWords("signs.fever")), -1))
        .hasSize(5);
    assertThat(out).contains("Settled").contains("Disposition: URGENT");
  }

  @Test
  void everyRedFlagQuestionIsAskedBeforeItEndsInSelfCare() throws IOException {
    Path saved = dir.resolve("all-no.yaml");
    MainTest.Run r = ask("no\n".repeat(200), "--save", saved.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Settled").contains("Disposition: SELF_CARE");
    Patient p = PatientReader.read(saved);
    assertThat(QuestionFixture.assessor().unansweredRedFlagQuestions(p)).isEmpty();
    // The fixture's two questions that could still raise it from self-care were asked too.
    assertThat(p.answer(Sign.of("diabetes"))).isEqualTo(Answer.ABSENT);
    assertThat(RecordAnswers.current(RecordAnswers.question(org.spinefoot.engine.PatientFacts.packaged(), p, "pain.lowBack").orElseThrow()))
        .isEqualTo(Reply.NO);
    // And nothing that could not change the outcome.
    assertThat(p.answer(Sign.of("overweight"))).isEqualTo(Answer.NOT_ASKED);
  }

  @Test
  void startsFromAFileAndAsksOnlyWhatIsLeft() throws IOException {
    Path start = dir.resolve("start.yaml");
    Files.writeString(start, PatientWriter.toYaml(Patient.builder("from-file")
        .absent(Sign.of("bladderOrBowelControlLost"), Sign.of("fever")).build()));
    MainTest.Run r = ask("both\n" + "no\n".repeat(100), start.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("1. " + patientWords("numbness.foot"))
        .contains("[yes/no/left/right/both/unknown/back]")
        .doesNotContain(patientWords("signs.bladderOrBowelControlLost"))
        .contains("Disposition: URGENT")
        .contains("Patient from-file");
  }

  @Test
  void theEndOfTheInputStopsTheQuestionsAndStillReports() {
    MainTest.Run r = ask("no\n");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Stopped before the record was settled")
        .contains("Disposition: SOON");
  }

  @Test
  void unknownIsNotAskedAgainAndKeepsTheRedFlagOpen() throws IOException {
    Path saved = dir.resolve("unknown.yaml");
    MainTest.Run r = ask("unknown\n" + "no\n".repeat(200), "--save", saved.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().split(java.util.regex.Pattern.quote(
        patientWords("signs.bladderOrBowelControlLost")), -1)).hasSize(2);
    assertThat(r.out()).contains("except those answered unknown: loss of bladder or bowel control")
        .contains("Disposition: SOON");
    Patient p = PatientReader.read(saved);
    assertThat(QuestionFixture.assessor().unansweredRedFlagQuestions(p))
        .containsExactly("signs.bladderOrBowelControlLost");
  }

  @Test
  void aBadStartingFileIsBadInput() throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "signs:\n  fevr: yes\n");
    MainTest.Run r = ask("", bad.toString());
    assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err()).contains("fevr");
  }

  @Test
  void theQuestionsAreInThePatientsWordsByDefaultAndInTheCliniciansOnRequest() {
    String input = "no\nback\nunknown\n" + "no\n".repeat(100);
    MainTest.Run patient = ask(input);
    MainTest.Run clinician = ask(input, "--words", "clinician");
    assertThat(patient.code()).as(patient.err()).isZero();
    assertThat(clinician.code()).as(clinician.err()).isZero();
    for (String path : java.util.List.of("signs.bladderOrBowelControlLost", "signs.fever")) {
      assertThat(patient.out()).contains(". " + patientWords(path))
          .doesNotContain(clinicianWords(path));
      assertThat(clinician.out()).contains(". " + clinicianWords(path))
          .doesNotContain(patientWords(path));
    }
    // Never a record path: not in a question, an answer taken back, an unknown or the report.
    for (MainTest.Run r : java.util.List.of(patient, clinician)) {
      assertThat(r.out()).doesNotContain("signs.").doesNotContain("numbness.")
          .doesNotContain("pain.");
    }
  }

  @Test
  void aNoToATriggerSkipsItsFollowUpsWhetherTheTriggerIsAYesNoOrAPlaceOnTheBody()
      throws IOException {
    Path rules = followUpRules();
    MainTest.Run r = askWith(rules, "no\n".repeat(100));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Settled")
        .contains(". " + patientWords("signs.weaknessOrParalysis"))
        .contains(". " + patientWords("numbness.foot"))
        .contains(". " + patientWords("pain.lowBack"))
        .doesNotContain(patientWords("weakness.foot"))
        .doesNotContain(patientWords("numbness.lowerLeg"))
        .doesNotContain(patientWords("pain.foot"));
    // The near miss: with each trigger answered yes, the same follow-ups are asked.
    Path start = dir.resolve("triggers-yes.yaml");
    Files.writeString(start, "signs:\n  weaknessOrParalysis: yes\nnumbness:\n  foot: left\n"
        + "pain:\n  lowBack: yes\n");
    MainTest.Run yes = askWith(rules, "no\n".repeat(100), start.toString());
    assertThat(yes.code()).as(yes.err()).isZero();
    assertThat(yes.out()).contains(". " + patientWords("weakness.foot"))
        .contains(". " + patientWords("numbness.lowerLeg"))
        .contains(". " + patientWords("pain.foot"));
  }

  @Test
  void whatWouldChangeItIsListedOnceWithEachQuestionsSideChoicesOnOneLine() {
    MainTest.Run r = ask("no\n".repeat(200), "--verbose");
    assertThat(r.code()).as(r.err()).isZero();
    String out = r.out();
    assertThat(count(out, "What would change it")).isEqualTo(1);
    String foot = "\"numbness or tingling in the foot\" (now no)";
    assertThat(count(out, foot)).isEqualTo(1);
    assertThat(out.replaceAll("\\s+", " "))
        .contains("if left or right to " + foot + ": SOON; if both: URGENT");
  }

  @Test
  void endsWithASummaryOfTheAnswersGivenBeforeTheAssessment() {
    MainTest.Run r = ask("no\nunknown\nleft\n" + "no\n".repeat(100));
    assertThat(r.code()).as(r.err()).isZero();
    String out = r.out();
    int summary = out.indexOf("Answers given (");
    assertThat(summary).isPositive().isGreaterThan(out.indexOf("Settled"))
        .isLessThan(out.indexOf("Patient ask"));
    String given = out.substring(summary, out.indexOf("Patient ask"));
    int noes = count(out, "> no\n");
    assertThat(given).contains("Answers given (" + (noes + 2) + "):")
        .contains("yes: numbness or tingling in the foot (left side)")
        .contains("unknown: fever")
        .contains("no: " + noes + " questions");
    assertThat(given.lines()).hasSizeLessThanOrEqualTo(6);
  }

  /**
   * The ask fixture with three follow-ups, each asked unless its trigger was answered no: foot
   * weakness after weakness at all (a yes/no trigger), lower-leg numbness after foot numbness and
   * foot pain after low back pain (triggers that are places on the body). Each follow-up, yes,
   * is an emergency, so it is worth asking whenever it is due.
   */
  private Path followUpRules() throws IOException {
    Path rules = dir.resolve("follow-ups");
    org.spinefoot.RuleDirs.withDispositionAnd(rules, "ask.drl", QuestionFixture.RULES + """

        rule "Probe: weakness is urgent"
            @id("probe-weakness") @inventory("RF-07") @urgency("URGENT") @source("x#y")
        when
            Observation( sign == "weaknessOrParalysis", present )
        then
            insertLogical(new Finding(kcontext, Urgency.URGENT, "probe-weakness", "Weak"));
        end

        rule "Probe: a follow-up answered yes is an emergency"
            @id("probe-follow-up") @inventory("RF-08") @urgency("EMERGENCY") @source("x#y")
        when
            Weakness( site == "foot", present ) or Numbness( site == "lowerLeg", present )
                or Pain( site == "foot", present )
        then
            insertLogical(new Finding(kcontext, Urgency.EMERGENCY, "probe-follow-up", "Follow"));
        end
        """);
    Path vocabulary = rules.resolve(org.spinefoot.Vocabulary.FILE);
    String text = Files.readString(vocabulary);
    for (String[] followUp : new String[][] {{"weakness.foot", "signs.weaknessOrParalysis"},
        {"numbness.lowerLeg", "numbness.foot"}, {"pain.foot", "pain.lowBack"}}) {
      String entry = "  " + followUp[0] + ":\n";
      assertThat(text).contains(entry);
      text = text.replace(entry, entry + "    askedWhen: [" + followUp[1] + "]\n");
    }
    Files.writeString(vocabulary, text);
    return rules;
  }

  private static int count(String text, String what) {
    return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
  }

  private static String clinicianWords(String path) {
    return org.spinefoot.Fixture.assessor().vocabulary().entry(path).orElseThrow().clinician();
  }

  /** A question as the fixture vocabulary words it for patients: ask uses these words. */
  private static String patientWords(String path) {
    return org.spinefoot.Fixture.assessor().vocabulary().entry(path).orElseThrow().patient();
  }
}
