package org.spinefoot.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spinefoot.Fixture;
import org.spinefoot.Vocabulary;
import org.spinefoot.vocabulary.VocabularyUse;

/**
 * Which questions' "not asked" facts a rule can match, read from its patterns: only those go into
 * a session. Each test is one probe rule over the fixture vocabulary.
 */
class NotAskedReadsTest {
  private static final Vocabulary VOCABULARY = fixtureVocabulary();

  private static Vocabulary fixtureVocabulary() {
    try {
      return Vocabulary.read(Files.readString(Fixture.rules().resolve(Vocabulary.FILE)),
          Vocabulary.FILE);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static java.util.Set<String> read(String when) {
    String drl = "package probe;\nimport org.spinefoot.engine.facts.*;\n"
        + "rule \"probe\" when\n" + when + "\nthen end\n";
    return VocabularyUse.analyse(VOCABULARY, Map.of("probe/probe.drl", drl)).readWhenNotAsked();
  }

  @Test
  void aPatternThatNeedsAnAnswerReadsNoQuestionNotAsked() {
    assertThat(read("Observation( sign == \"fever\", present )\n"
        + "not Observation( sign == \"diabetes\", absent )\n"
        + "Numbness( site == \"foot\", present == true )")).isEmpty();
  }

  @Test
  void unknownReadAsPossibleReadsThatQuestion() {
    assertThat(read("Observation( sign == \"diabetes\", absent == false )"))
        .containsExactly("signs.diabetes");
    assertThat(read("Observation( sign in (\"fever\", \"suddenOnset\"), notAsked )"))
        .containsExactlyInAnyOrder("signs.fever", "signs.suddenOnset");
    assertThat(read("not Numbness( site == \"foot\", present == false )"))
        .containsExactly("numbness.foot");
  }

  @Test
  void aPatternJoinedWithTheRedFlagQuestionsReadsThemInEitherDirection() {
    assertThat(read("RedFlagQuestion( $path : path )\nQuestion( path == $path, notAsked )"))
        .containsExactlyInAnyOrderElementsOf(VOCABULARY.redFlagQuestions());
    assertThat(read("exists ( Question( notAsked, $p : path ) and RedFlagQuestion( path == $p ) )"))
        .containsExactlyInAnyOrderElementsOf(VOCABULARY.redFlagQuestions());
  }

  @Test
  void aPatternItCannotNarrowReadsEveryQuestionOfItsType() {
    assertThat(read("Pain( notAsked )"))
        .isNotEmpty().allMatch(p -> p.startsWith("pain."))
        .containsAll(VOCABULARY.entries().stream().map(Vocabulary.Entry::path)
            .filter(p -> p.startsWith("pain.")).toList());
    assertThat(read("Question( notAsked )")).hasSizeGreaterThan(VOCABULARY.redFlagQuestions().size());
  }
}
