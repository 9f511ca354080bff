package org.spinefoot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.spinefoot.vocabulary.RuleVocabulary;

/** docs/rule-vocabulary.md is what the fact classes say today. */
class RuleVocabularyTest {
  @Test
  void theShippedVocabularyIsUpToDate() throws IOException {
    assertThat(Files.readString(Path.of("docs/rule-vocabulary.md")))
        .as("docs/rule-vocabulary.md is stale: regenerate it with "
            + "./spinefoot lint --print-vocabulary > docs/rule-vocabulary.md")
        .isEqualTo(RuleVocabulary.markdown());
  }

  @Test
  void everyRecordKeyAndEveryFactTypeAndEnumValueIsListed() {
    String md = RuleVocabulary.markdown();
    for (Vocabulary.Entry e : Vocabulary.packaged().entries()) {
      String path = e.path();
      assertThat(md).contains("| `" + path + "` |");
    }
    for (Class<?> type : RuleVocabulary.factTypes()) {
      assertThat(md).contains("### " + type.getSimpleName() + "\n");
    }
    assertThat(RuleVocabulary.factTypeNames()).contains("Observation", "Numbness", "Finding")
        .doesNotContain("FactTable", "RuleMetadata", "Sign");
    for (Class<?> e : RuleVocabulary.enums()) {
      for (Object constant : e.getEnumConstants()) {
        assertThat(md).contains("`" + e.getSimpleName() + "." + ((Enum<?>) constant).name() + "`");
      }
    }
    assertThat(md).contains("| `signs.poorBalance` | yes/no |")
        .contains("| `foot` | the foot | foot | inFoot, inLowerLimb |");
  }
}
