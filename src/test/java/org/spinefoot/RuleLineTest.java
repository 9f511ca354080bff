package org.spinefoot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

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
    assertEquals(5, RuleBaseBuilder.lineOf(DRL, "when then end"));
    assertEquals(0, RuleBaseBuilder.lineOf(DRL, "absent"));
  }
}
