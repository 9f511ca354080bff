package org.spinefoot.vocabulary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.spinefoot.Answer;
import org.spinefoot.Felt;
import org.spinefoot.Patient;
import org.spinefoot.Side;
import org.spinefoot.Urgency;
import org.spinefoot.Vocabulary;
import org.spinefoot.engine.PatientFacts;
import org.spinefoot.engine.facts.Question;

/**
 * What rules may use, found from the fact classes themselves: every fact type with its fields,
 * every enum value, and the patient-record key each record fact comes from. It is written to
 * {@code docs/rule-vocabulary.md} ({@code ./spinefoot lint --print-vocabulary}) and names the valid words in
 * error messages; a test regenerates the file and compares, so it never goes stale.
 */
public final class RuleVocabulary {
  private static final String FACTS_PACKAGE = "org.spinefoot.engine.facts";
  private static final List<Class<?>> ANSWER_VOCABULARY =
      List.of(Answer.class, Side.class, Urgency.class);

  private RuleVocabulary() {}

  /** The fact classes rules may match on and create (not the package's helper classes). */
  public static List<Class<?>> factTypes() {
    List<Class<?>> out = new ArrayList<>();
    for (String name : classNames()) {
      try {
        Class<?> c = Class.forName(FACTS_PACKAGE + "." + name, false,
            RuleVocabulary.class.getClassLoader());
        boolean usable = Modifier.isPublic(c.getModifiers()) && !c.isEnum()
            && (Modifier.isAbstract(c.getModifiers()) || c.getConstructors().length > 0);
        if (usable) {
          out.add(c);
        }
      } catch (ClassNotFoundException | LinkageError e) {
        // not a loadable class: nothing a rule could use
      }
    }
    out.sort(Comparator.comparing(Class::getSimpleName));
    return out;
  }

  public static List<String> factTypeNames() {
    return factTypes().stream().map(Class::getSimpleName).toList();
  }

  /**
   * The enumerations rules compare fields with: the API's answer vocabulary ({@code Sign},
   * {@code Site}, ...), which rules and embedders share, and any enumeration of the engine's facts.
   */
  public static List<Class<?>> enums() {
    List<Class<?>> out = new ArrayList<>(ANSWER_VOCABULARY);
    for (String name : classNames()) {
      try {
        Class<?> c = Class.forName(FACTS_PACKAGE + "." + name, false,
            RuleVocabulary.class.getClassLoader());
        if (c.isEnum() && Modifier.isPublic(c.getModifiers())) {
          out.add(c);
        }
      } catch (ClassNotFoundException | LinkageError e) {
        // skip
      }
    }
    out.sort(Comparator.comparing(Class::getSimpleName));
    return out;
  }

  /** The fields a rule can constrain on a fact type ({@code sign}, {@code present}, ...). */
  public static List<String> fieldsOf(Class<?> type) {
    return new ArrayList<>(fields(type).keySet());
  }

  private static Map<String, Class<?>> fields(Class<?> type) {
    Map<String, Class<?>> out = new java.util.TreeMap<>();
    for (Method m : type.getMethods()) {
      if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() > 0
          || m.getDeclaringClass() == Object.class || m.getDeclaringClass().isEnum()
          && m.getDeclaringClass() != type) {
        continue;
      }
      String n = m.getName();
      String field = null;
      if (n.startsWith("get") && n.length() > 3 && !n.equals("getClass")
          && !n.equals("getDeclaringClass")) {
        field = Character.toLowerCase(n.charAt(3)) + n.substring(4);
      } else if (n.startsWith("is") && n.length() > 2 && m.getReturnType() == boolean.class) {
        field = Character.toLowerCase(n.charAt(2)) + n.substring(3);
      }
      if (field != null && !field.equals("rule") && !field.equals("evidence")) {
        out.put(field, m.getReturnType());
      }
    }
    return out;
  }

  /** The Markdown of {@code docs/rule-vocabulary.md}, for the packaged vocabulary. */
  public static String markdown() {
    return markdown(Vocabulary.packaged());
  }

  /** The Markdown of {@code docs/rule-vocabulary.md} for a vocabulary. */
  public static String markdown(Vocabulary vocabulary) {
    StringBuilder md = new StringBuilder();
    md.append("# Rule vocabulary\n\n")
        .append("Generated from `rules/vocabulary.yaml` and the fact classes by `./spinefoot lint --print-vocabulary > docs/rule-vocabulary.md`; ")
        .append("a test fails when it is stale. It lists every observation of the vocabulary, ")
        .append("every fact type rules may match on, its fields, every enum value, and the key ")
        .append("in a patient record each record fact comes from.\n\n")
        .append("A record key is written in patient files and in `vocabulary.yaml` ")
        .append("(`signs.fever`); a rule names the same question by its fact and key ")
        .append("(`Observation( sign == \"fever\", present )`, `Numbness( site == \"saddle\" )`). ")
        .append("Answers: `yes` is `present`, `no` is `absent`, `unknown` or left out is ")
        .append("`notAsked`.\n\n");
    md.append("## Observations: rules/vocabulary.yaml\n\n")
        .append("| record key | kind | category | red flag | asked when | answered by | codes |\n")
        .append("| --- | --- | --- | --- | --- | --- | --- |\n");
    for (Vocabulary.Entry e : vocabulary.entries()) {
      md.append("| `").append(e.path()).append("` | ").append(kindName(e))
          .append(" | ").append(e.category()).append(" | ").append(e.redFlag() ? "yes" : "")
          .append(" | ").append(String.join(", ", e.askedWhen())).append(" | ")
          .append(String.join(", ", e.answeredBy().stream().sorted()
              .map(a -> a.name().toLowerCase(java.util.Locale.ROOT)).toList()))
          .append(" | ").append(e.codes().isEmpty() ? "uncoded" : String.join(", ",
              e.codes().stream().map(c -> (c.system().contains("snomed") ? "SNOMED CT "
                  : "LOINC ") + c.code()).toList()))
          .append(" |\n");
    }
    md.append("\n## Sites\n\n| site | label | region | in a rule |\n| --- | --- | --- | --- |\n");
    for (org.spinefoot.Site site : vocabulary.sites()) {
      List<String> tests = new ArrayList<>();
      if (site.isInFoot()) {
        tests.add("inFoot");
      }
      if (site.isInLowerLimb()) {
        tests.add("inLowerLimb");
      }
      if (site.isInUpperLimb()) {
        tests.add("inUpperLimb");
      }
      if (site.isNeckOrArm()) {
        tests.add("neckOrArm");
      }
      md.append("| `").append(site.key()).append("` | ").append(site.getLabel()).append(" | ")
          .append(site.getRegion().name().toLowerCase(java.util.Locale.ROOT)).append(" | ")
          .append(String.join(", ", tests)).append(" |\n");
    }
    md.append('\n');

    md.append("## Record facts: the patient record's keys\n\n")
        .append("| record key | fact in a rule |\n| --- | --- |\n");
    for (String[] row : recordRows(vocabulary)) {
      md.append("| `").append(row[0]).append("` | `").append(row[1]).append("` |\n");
    }

    md.append("\n## Fact types and their fields\n\n");
    for (Class<?> type : factTypes()) {
      md.append("### ").append(type.getSimpleName()).append("\n\n");
      Map<String, Class<?>> fields = fields(type);
      if (fields.isEmpty()) {
        md.append("No fields: match it as `").append(type.getSimpleName()).append("()`.\n\n");
        continue;
      }
      md.append("| field | type |\n| --- | --- |\n");
      fields.forEach((name, t) -> md.append("| `").append(name).append("` | ")
          .append(t.isEnum() || t.getPackageName().equals(FACTS_PACKAGE) ? t.getSimpleName()
              : t == String.class ? "text" : t.isPrimitive() ? t.getName() : t.getSimpleName())
          .append(" |\n"));
      md.append('\n');
    }

    md.append("## Enumerations\n\n");
    for (Class<?> e : enums()) {
      md.append("### ").append(e.getSimpleName()).append("\n\n");
      List<Method> tests = booleanProperties(e);
      Method key = keyMethod(e);
      md.append("| value |").append(key == null ? "" : " in patient files |");
      tests.forEach(t -> md.append(" `").append(propertyName(t)).append("` |"));
      md.append("\n| --- |").append(key == null ? "" : " --- |");
      tests.forEach(t -> md.append(" --- |"));
      md.append('\n');
      for (Object constant : e.getEnumConstants()) {
        md.append("| `").append(e.getSimpleName()).append('.').append(((Enum<?>) constant).name())
            .append("` |");
        if (key != null) {
          md.append(" `").append(text(key, constant)).append("` |");
        }
        for (Method t : tests) {
          md.append(invoke(t, constant) ? " yes |" : " |");
        }
        md.append('\n');
      }
      md.append('\n');
    }
    return md.toString();
  }

  /** Each key of the record and the fact a rule sees for it. */
  private static List<String[]> recordRows(Vocabulary vocabulary) {
    List<String[]> rows = new ArrayList<>();
    Patient everything = Patient.everyQuestion(vocabulary, Answer.PRESENT, Felt.on(Side.LEFT), 40,
        10);
    PatientFacts facts = PatientFacts.of(vocabulary);
    List<Object> slots = facts.slots(everything);
    for (int i = 0; i < slots.size(); i++) {
      Object fact = slots.get(i);
      if (fact == null || !facts.slotNames().get(i).matches("[a-zA-Z.]+")) {
        continue;
      }
      rows.add(new String[] {facts.slotNames().get(i), pattern(fact)});
    }
    return rows;
  }

  private static String pattern(Object fact) {
    String type = fact.getClass().getSimpleName();
    if (!(fact instanceof Question)) {
      List<String> fields = fieldsOf(fact.getClass());
      return type + "( " + (fields.isEmpty() ? "" : fields.get(0) + " ... ") + ")";
    }
    if (fact instanceof org.spinefoot.engine.facts.Observation o) {
      return type + "( sign == \"" + o.getSign() + "\" )";
    }
    if (fact instanceof org.spinefoot.engine.facts.LocatedSymptom l) {
      return type + "( site == \"" + l.getSite() + "\" )";
    }
    return type + "( )";
  }

  private static List<Method> booleanProperties(Class<?> e) {
    List<Method> out = new ArrayList<>();
    for (Method m : e.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
          && m.getParameterCount() == 0 && m.getReturnType() == boolean.class
          && m.getName().startsWith("is")) {
        out.add(m);
      }
    }
    out.sort(Comparator.comparing(Method::getName));
    return out;
  }

  private static Method keyMethod(Class<?> e) {
    try {
      Method m = e.getMethod("key");
      return m.getReturnType() == String.class ? m : null;
    } catch (NoSuchMethodException ex) {
      return null;
    }
  }

  private static String text(Method m, Object target) {
    try {
      return String.valueOf(m.invoke(target));
    } catch (ReflectiveOperationException e) {
      return "";
    }
  }

  private static String propertyName(Method m) {
    String n = m.getName().substring(2);
    return Character.toLowerCase(n.charAt(0)) + n.substring(1);
  }

  private static boolean invoke(Method m, Object target) {
    try {
      return (Boolean) m.invoke(target);
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  private static String kindName(Vocabulary.Entry e) {
    switch (e.kind()) {
      case YES_NO:
        return "yes/no";
      case SITE_AND_SIDE:
        return "by site and side";
      default:
        return "number (" + e.unit() + ", " + e.min() + " to " + e.max() + ")";
    }
  }

  /** The simple names of the classes in the facts package, read from where it was loaded. */
  private static List<String> classNames() {
    URL url = RuleVocabulary.class.getClassLoader()
        .getResource(FACTS_PACKAGE.replace('.', '/'));
    if (url == null) {
      return List.of();
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        try (FileSystem fs = newOrExisting(uri)) {
          return list(fs.getPath(FACTS_PACKAGE.replace('.', '/')));
        }
      }
      return list(Path.of(uri));
    } catch (URISyntaxException | IOException e) {
      throw new UncheckedIOException(new IOException("cannot list the fact classes at " + url, e));
    }
  }

  private static FileSystem newOrExisting(URI uri) throws IOException {
    try {
      return FileSystems.newFileSystem(uri, Map.of());
    } catch (java.nio.file.FileSystemAlreadyExistsException e) {
      return FileSystems.getFileSystem(uri);
    }
  }

  private static List<String> list(Path dir) throws IOException {
    TreeSet<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".class") && !n.contains("$") && !n.equals("package-info.class"))
          .forEach(n -> names.add(n.substring(0, n.length() - ".class".length())));
    }
    return new ArrayList<>(names);
  }
}
