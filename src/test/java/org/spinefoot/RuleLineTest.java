package org.spinefoot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spinefoot.vocabulary.VocabularyUse;

class RuleLineTest {
  private static final String DRL = String.join("\n",
      "package fixture;",
      "// rule \"when then end\" in a comment is no rule",
      "/* rule \"when then end\"",
      "   still a comment */",
      "rule \"when then end\"",
      "  @id(\"x\")",
      "when",
      "  String(this == \"rule \\\"when then end\\\" (\")",
      "then",
      "end",
      "");

  @Test
  void lineComesFromTheParserNotFromCommentsOrStrings() {
    Map<String, VocabularyUse.Declared> declared =
        VocabularyUse.analyse(Vocabulary.packaged(), Map.of("fixture.drl", DRL)).declared();
    assertEquals(new VocabularyUse.Declared("fixture.drl", 5), declared.get("when then end"));
    assertEquals(null, declared.get("absent"));
  }
}
