package org.spinefoot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps the hazard log ({@code docs/clinical-safety.md}) true: what it names as controls and
 * verification exists, and it lists every rule that reads its source more widely than the letter.
 */
class ClinicalSafetyDocTest {
  private static final Path DOC = Path.of("docs/clinical-safety.md");
  private static final Pattern RULE_ID = Pattern.compile("`([a-z][a-z0-9]*(?:-[a-z0-9]+)+)`");
  private static final Pattern CASE_LINK = Pattern.compile("\\]\\(\\.\\./(test-cases/[^)]+)\\)");
  private static final Pattern PROPERTY = Pattern.compile("SafetyPropertiesTest#(\\w+)");
  private static final String SAFER_READINGS = "## Safer readings";

  private final String doc = read();
  private final List<RuleInfo> rules = TestAssessor.shipped().rules();

  @Test
  void everyRuleItNamesExists() {
    Set<String> ids = rules.stream().map(RuleInfo::id).collect(Collectors.toSet());
    assertThat(all(RULE_ID, doc)).as("rule IDs in docs/clinical-safety.md").isNotEmpty()
        .allSatisfy(id -> assertThat(ids).as("rule IDs of rules/").contains(id));
  }

  @Test
  void everyCaseItLinksExists() {
    assertThat(all(CASE_LINK, doc)).as("cases linked from docs/clinical-safety.md").isNotEmpty()
        .allSatisfy(file -> assertThat(Path.of(file)).as(file).isRegularFile());
  }

  @Test
  void everyPropertyItNamesExists() throws ClassNotFoundException {
    Set<String> methods = Arrays.stream(
            Class.forName("org.spinefoot.properties.SafetyPropertiesTest").getDeclaredMethods())
        .map(Method::getName).collect(Collectors.toSet());
    assertThat(all(PROPERTY, doc)).isNotEmpty()
        .allSatisfy(m -> assertThat(methods).as("methods of SafetyPropertiesTest").contains(m));
  }

  @Test
  void itListsExactlyTheRulesThatTakeASaferReading() {
    int start = doc.indexOf(SAFER_READINGS);
    assertThat(start).as("a '" + SAFER_READINGS + "' section").isNotNegative();
    Set<String> listed = new TreeSet<>(all(RULE_ID, doc.substring(start)));
    Set<String> safer = rules.stream().filter(r -> r.saferReading() != null)
        .map(RuleInfo::id).collect(Collectors.toCollection(TreeSet::new));
    assertThat(listed).as("rules listed under '" + SAFER_READINGS + "' (rules with @saferReading:"
        + " %s)", safer).isEqualTo(safer);
  }

  private static List<String> all(Pattern p, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static String read() {
    try {
      return Files.readString(DOC);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + DOC, e);
    }
  }
}
