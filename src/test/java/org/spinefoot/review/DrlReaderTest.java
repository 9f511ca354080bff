package org.spinefoot.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DrlReaderTest {
  @Test
  void readsRulesWithLinesMetadataAndPartsIgnoringCommentsAndStrings() {
    String text = """
        package probe;
        /* rule "not a rule" in a comment
           when then end */
        // rule "nor this"
        rule "First: a name with when and then in it"
            @id("first")   // trailing comment
            @source("a.txt#When to Seek Medical Attention; NICE NG59 (red flags)")
            salience 10
        when
            Observation( sign == "fever", present ) // end
        then
            insertLogical(new Advice(kcontext, "x",
                "say end"));
        end

        rule 'Second'
        then
            insertLogical(new Advice(kcontext, "y", "Y"));
        end
        """;
    List<DrlRule> rules = DrlReader.parse("probe/probe.drl", text);

    assertThat(rules).extracting(DrlRule::name, DrlRule::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("First: a name with when and then in it", 5),
            org.assertj.core.groups.Tuple.tuple("Second", 16));
    DrlRule first = rules.get(0);
    assertThat(first.annotations()).containsExactly(
        new DrlRule.Annotation("id", "first", 6),
        new DrlRule.Annotation("source", "a.txt#When to Seek Medical Attention; NICE NG59 (red flags)", 7));
    assertThat(first.whenLine()).isEqualTo(9);
    assertThat(first.thenLine()).isEqualTo(11);
    assertThat(first.when().strip()).isEqualTo("Observation( sign == \"fever\", present )");
    assertThat(first.lineInWhen(first.when().indexOf("Observation"))).isEqualTo(10);
    assertThat(first.text()).startsWith("rule \"First").endsWith("end\n");
    assertThat(first.label()).isEqualTo("first");
    DrlRule second = rules.get(1);
    assertThat(second.when()).isEmpty();
    assertThat(second.then()).contains("\"y\"");
    assertThat(second.label()).isEqualTo("\"Second\"");
  }

  @Test
  void rulesEndWhereDroolsParserEndsThemNotAtAnEndLineInsideAString() {
    String text = """
        package probe;
        // rule "x" when then end
        rule "when then end"
            @inventory(
                "a", "b")
        when
            Observation( sign == "fever (end)", present )
        then
            insertLogical(new Advice(kcontext, "x", \"""
        end
        \"""));
        end
        rule "Next"
        then
        end
        """;
    List<DrlRule> rules = DrlReader.parse("probe/probe.drl", text);

    assertThat(rules).extracting(DrlRule::name, DrlRule::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("when then end", 3),
            org.assertj.core.groups.Tuple.tuple("Next", 13));
    DrlRule first = rules.get(0);
    assertThat(first.annotations()).containsExactly(new DrlRule.Annotation("inventory", "a; b", 4));
    assertThat(first.whenLine()).isEqualTo(6);
    assertThat(first.thenLine()).isEqualTo(8);
    assertThat(first.then()).contains("end\n").endsWith("\"\"\"));\n");
    assertThat(first.text()).endsWith("\"\"\"));\nend\n");
  }
}
