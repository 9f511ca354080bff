package org.spinefoot.vocabulary;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.spinefoot.Patient;
import org.spinefoot.RuleBaseException;
import org.spinefoot.Site;
import org.spinefoot.Vocabulary.Answerer;
import org.spinefoot.Vocabulary.Code;
import org.spinefoot.Vocabulary.Entry;
import org.spinefoot.Vocabulary.Kind;
import org.spinefoot.Vocabulary;
import org.spinefoot.engine.Spelling;

/**
 * Reads {@code rules/vocabulary.yaml} and checks it: every problem is reported with its line, and
 * a vocabulary with any problem is not used (the knowledge base does not load). The file's shape
 * is documented in the file itself and in the README ("The vocabulary").
 */
public final class VocabularyReader {
  /** The record's sections that hold a symptom by site, and how each reads in a reason. */
  public static final Map<String, String> SITE_SECTIONS = sections();

  /** The record's number fields and the limits of the record format for each. */
  private static final Map<String, Integer> NUMBER_LIMITS =
      Map.of("age", Patient.MAX_AGE, "durationDays", Patient.MAX_DURATION_DAYS);

  private static final Set<String> TOP_LEVEL = Set.of("categories", "sites", "questions");
  private static final Set<String> SITE_FIELDS = Set.of("label", "region");
  private static final Set<String> ENTRY_FIELDS = Set.of("kind", "category", "label", "clinician",
      "patient", "redFlag", "askedWhen", "answeredBy", "inventory", "codes", "unit", "min", "max", "safetyNet", "safetyNetWords");
  private static final Set<String> CODE_FIELDS = Set.of("system", "code", "display", "source");
  private static final Map<String, Kind> KINDS =
      Map.of("yesNo", Kind.YES_NO, "siteAndSide", Kind.SITE_AND_SIDE, "number", Kind.NUMBER);
  private static final Map<String, Vocabulary.SafetyNet> SAFETY_NETS = Map.of(
      "emergency", Vocabulary.SafetyNet.EMERGENCY, "sameDay", Vocabulary.SafetyNet.SAME_DAY,
      "tell", Vocabulary.SafetyNet.TELL);
  private static final Map<String, String> SYSTEMS = Map.of(
      "http://snomed.info/sct", "SNOMED CT", "http://loinc.org", "LOINC");
  private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]*");
  private static final Pattern INVENTORY_ID = Pattern.compile("[A-Z]{2,3}-[0-9]{2}");
  private static final Pattern SNOMED_ID = Pattern.compile("[1-9][0-9]{5,17}");
  private static final Pattern LOINC_ID = Pattern.compile("[1-9][0-9]{0,6}-[0-9]");
  private static final Pattern URL = Pattern.compile("https?://\\S+");

  // Reads one entry's tree from the file's parser (the strict record mappers would refuse the
  // tokens after it); duplicate keys inside an entry are still errors.
  private static final com.fasterxml.jackson.databind.ObjectMapper TREES =
      new com.fasterxml.jackson.databind.ObjectMapper().enable(
          com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private final String file;
  private final List<RuleBaseException.Problem> problems = new ArrayList<>();

  private VocabularyReader(String file) {
    this.file = file;
  }

  private static Map<String, String> sections() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("numbness", "numbness or tingling");
    m.put("pain", "pain");
    m.put("weakness", "weakness");
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * Reads and checks the file.
   *
   * @param yaml its text
   * @param file its name, as problems name it
   * @return the vocabulary
   * @throws RuleBaseException naming every problem with file and line
   */
  public static Vocabulary read(String yaml, String file) {
    VocabularyReader r = new VocabularyReader(file);
    Vocabulary v = r.parse(yaml);
    if (!r.problems.isEmpty()) {
      throw new RuleBaseException("the vocabulary is wrong", r.problems, null);
    }
    return v;
  }

  private record Raw(String key, int line, JsonNode node) {}

  private Vocabulary parse(String yaml) {
    Map<String, List<Raw>> sectionsRead = new HashMap<>();
    try (JsonParser p = org.spinefoot.io.StrictJson.yaml().getFactory().createParser(yaml)) {
      p.setCodec(TREES);
      if (p.nextToken() != JsonToken.START_OBJECT) {
        problem(1, "expected 'categories:', 'sites:' and 'questions:'");
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String section = p.currentName();
        int sectionLine = p.currentLocation().getLineNr();
        JsonToken t = p.nextToken();
        if (!TOP_LEVEL.contains(section)) {
          problem(sectionLine, "unknown section '" + section + "'; allowed: categories, sites, "
              + "questions");
          p.skipChildren();
          continue;
        }
        if (t != JsonToken.START_OBJECT) {
          problem(sectionLine, section + ": expected a map of keys to their definitions");
          p.skipChildren();
          continue;
        }
        List<Raw> raws = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          int line = p.currentLocation().getLineNr();
          p.nextToken();
          raws.add(new Raw(key, line, p.readValueAsTree()));
        }
        sectionsRead.put(section, raws);
      }
    } catch (JsonProcessingException e) {
      problem(e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          "cannot be read as YAML: " + e.getOriginalMessage());
      return null;
    } catch (IOException e) {
      problem(0, "cannot be read: " + e.getMessage());
      return null;
    }
    for (String section : TOP_LEVEL) {
      if (!sectionsRead.containsKey(section)) {
        problem(1, "no '" + section + ":' section");
      }
    }
    if (!problems.isEmpty()) {
      return null;
    }
    Map<String, String> categories = new LinkedHashMap<>();
    for (Raw c : sectionsRead.get("categories")) {
      if (!KEY.matcher(c.key()).matches()) {
        problem(c.line(), "category '" + c.key() + "': a key is a word in camelCase");
      }
      if (!c.node().isTextual() || c.node().asText().isBlank()) {
        problem(c.line(), "category '" + c.key() + "': expected its title, e.g. History");
        continue;
      }
      categories.put(c.key(), c.node().asText().strip());
    }
    List<Site> sites = new ArrayList<>();
    Map<String, Site> siteKeys = new HashMap<>();
    for (Raw s : sectionsRead.get("sites")) {
      Site site = site(s);
      if (site != null) {
        sites.add(site);
        siteKeys.put(site.key(), site);
      }
    }
    List<Entry> entries = new ArrayList<>();
    for (Raw q : sectionsRead.get("questions")) {
      Entry e = entry(q, categories, siteKeys);
      if (e != null) {
        entries.add(e);
      }
    }
    checkAcrossEntries(entries, sites);
    return problems.isEmpty() ? new Vocabulary(categories, sites, entries) : null;
  }

  private Site site(Raw s) {
    String where = "site '" + s.key() + "'";
    if (!KEY.matcher(s.key()).matches()) {
      problem(s.line(), where + ": a key is a word in camelCase, e.g. bigToe");
      return null;
    }
    if (!fieldsKnown(s, SITE_FIELDS, where)) {
      return null;
    }
    String label = text(s, "label", where, true);
    String region = text(s, "region", where, true);
    Site.Region r = null;
    if (region != null) {
      try {
        r = Site.Region.valueOf(region.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problem(s.line(), where + ": unknown region '" + region + "'; allowed: " + regions());
      }
    }
    return label == null || r == null ? null : new Site(s.key(), label, r, s.line());
  }

  private static String regions() {
    List<String> out = new ArrayList<>();
    for (Site.Region r : Site.Region.values()) {
      out.add(r.name().toLowerCase(Locale.ROOT));
    }
    return String.join(", ", out);
  }

  private Entry entry(Raw q, Map<String, String> categories, Map<String, Site> sites) {
    String path = q.key();
    String where = "'" + path + "'";
    if (!fieldsKnown(q, ENTRY_FIELDS, where)) {
      return null;
    }
    int dot = path.indexOf('.');
    String section = dot < 0 ? path : path.substring(0, dot);
    String key = dot < 0 ? "" : path.substring(dot + 1);
    Kind expected;
    String label = text(q, "label", where, false);
    if (section.equals("signs")) {
      expected = Kind.YES_NO;
      if (!KEY.matcher(key).matches()) {
        problem(q.line(), where + ": a sign's key is a word in camelCase, e.g. signs.nightSweats");
        return null;
      }
      if (label == null) {
        problem(q.line(), where + ": no 'label:' (how it reads in a reason, e.g. \"fever\")");
      }
    } else if (SITE_SECTIONS.containsKey(section)) {
      expected = Kind.SITE_AND_SIDE;
      Site site = sites.get(key);
      if (site == null) {
        problem(q.line(), where + ": '" + key + "' is not a site under 'sites:'"
            + Spelling.didYouMean(key, sites.keySet()));
        return null;
      }
      if (label != null) {
        problem(q.line(), where + ": a site question reads as its section and site (\""
            + SITE_SECTIONS.get(section) + " in " + site.getLabel() + "\"); leave out 'label:'");
      }
      label = SITE_SECTIONS.get(section) + " in " + site.getLabel();
    } else if (NUMBER_LIMITS.containsKey(path)) {
      expected = Kind.NUMBER;
      if (label == null) {
        label = path;
      }
    } else {
      problem(q.line(), where + " is not a question a record can hold; a question is "
          + "signs.<key> (yes/no), numbness.<site>, pain.<site> or weakness.<site> (by side), "
          + "or one of the record's numbers: " + String.join(", ", NUMBER_LIMITS.keySet()));
      return null;
    }
    String kindText = text(q, "kind", where, true);
    Kind kind = kindText == null ? null : KINDS.get(kindText);
    if (kindText != null && kind == null) {
      problem(q.line(), where + ": unknown kind '" + kindText + "'; allowed: yesNo, siteAndSide, "
          + "number");
    } else if (kind != null && kind != expected) {
      problem(q.line(), where + ": kind " + kindText + " does not fit a question under '"
          + section + "'; expected: " + kindName(expected));
    }
    String category = text(q, "category", where, true);
    if (category != null && !categories.containsKey(category)) {
      problem(q.line(), where + ": unknown category '" + category + "'; allowed: "
          + String.join(", ", categories.keySet()));
    }
    String clinician = text(q, "clinician", where, true);
    String patient = text(q, "patient", where, true);
    boolean redFlag = false;
    JsonNode rf = q.node().get("redFlag");
    if (rf != null) {
      if (rf.isBoolean()) {
        redFlag = rf.booleanValue();
      } else {
        problem(q.line(), where + ": redFlag is true or false");
      }
    }
    List<String> askedWhen = list(q, "askedWhen", where);
    List<String> answeredByText = list(q, "answeredBy", where);
    Set<Answerer> answeredBy = EnumSet.noneOf(Answerer.class);
    if (answeredByText.isEmpty()) {
      problem(q.line(), where + ": no 'answeredBy:' (patient, clinician or both)");
    }
    for (String a : answeredByText) {
      try {
        answeredBy.add(Answerer.valueOf(a.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        problem(q.line(), where + ": answeredBy '" + a + "'; allowed: patient, clinician");
      }
    }
    List<String> inventory = list(q, "inventory", where);
    for (String id : inventory) {
      if (!INVENTORY_ID.matcher(id).matches()) {
        problem(q.line(), where + ": inventory '" + id + "' is not an inventory ID such as RF-07");
      }
    }
    List<Code> codes = codes(q, where);
    String unit = text(q, "unit", where, false);
    Integer min = number(q, "min", where);
    Integer max = number(q, "max", where);
    if (expected == Kind.NUMBER) {
      int limit = NUMBER_LIMITS.get(path);
      if (unit == null || min == null || max == null) {
        problem(q.line(), where + ": a number needs 'unit:', 'min:' and 'max:'");
      } else if (min < 0 || max > limit || min > max) {
        problem(q.line(), where + ": range " + min + " to " + max + " is not within the "
            + "record's 0 to " + limit);
      }
    } else if (unit != null || min != null || max != null) {
      problem(q.line(), where + ": only a number has 'unit:', 'min:' and 'max:'");
    }
    String safetyNetText = text(q, "safetyNet", where, false);
    String safetyNetWords = text(q, "safetyNetWords", where, false);
    Vocabulary.SafetyNet safetyNet = null;
    if (safetyNetText != null) {
      safetyNet = SAFETY_NETS.get(safetyNetText);
      if (safetyNet == null) {
        problem(q.line(), where + ": safetyNet '" + safetyNetText + "'; allowed: emergency, "
            + "sameDay, tell");
      }
    }
    if (redFlag && safetyNetText == null) {
      // INT-09: every red-flag observation appears in the safety net, so each says how.
      problem(q.line(), where + ": a red-flag question says what its start means in the safety "
          + "net: 'safetyNet: emergency' (call emergency services now), 'sameDay' (be seen "
          + "today) or 'tell' (tell the clinician: history, not a new symptom)");
    } else if (!redFlag && (safetyNetText != null || safetyNetWords != null)) {
      problem(q.line(), where + ": only a red-flag question has 'safetyNet:'");
    }
    if (problems.stream().anyMatch(p -> p.line() == q.line())) {
      return null;
    }
    return new Entry(path, expected, category, label, clinician, patient, redFlag,
        List.copyOf(askedWhen), Set.copyOf(answeredBy), List.copyOf(inventory), codes, unit, min,
        max, safetyNet, safetyNetWords == null ? label : safetyNetWords, q.line());
  }

  private static String kindName(Kind k) {
    return k == Kind.YES_NO ? "yesNo" : k == Kind.SITE_AND_SIDE ? "siteAndSide" : "number";
  }

  private List<Code> codes(Raw q, String where) {
    JsonNode node = q.node().get("codes");
    if (node == null) {
      problem(q.line(), where + ": no 'codes:'; write 'codes: uncoded' when no standard code "
          + "was confirmed, or list each code with the page it was confirmed on");
      return List.of();
    }
    if (node.isTextual() && node.asText().equals("uncoded")) {
      return List.of();
    }
    if (!node.isArray() || node.isEmpty()) {
      problem(q.line(), where + ": codes is 'uncoded' or a list of {system, code, display, "
          + "source}");
      return List.of();
    }
    List<Code> out = new ArrayList<>();
    for (JsonNode c : node) {
      if (!c.isObject()) {
        problem(q.line(), where + ": each code is {system, code, display, source}");
        continue;
      }
      List<String> unknown = new ArrayList<>();
      c.fieldNames().forEachRemaining(f -> {
        if (!CODE_FIELDS.contains(f)) {
          unknown.add(f);
        }
      });
      if (!unknown.isEmpty()) {
        problem(q.line(), where + ": unknown code field " + unknown + "; allowed: system, code, "
            + "display, source");
        continue;
      }
      String system = c.path("system").asText("");
      String code = c.path("code").asText("");
      String display = c.path("display").asText("");
      String source = c.path("source").asText("");
      if (!SYSTEMS.containsKey(system)) {
        problem(q.line(), where + ": code system '" + system + "'; allowed: "
            + String.join(", ", SYSTEMS.keySet()));
      } else if (system.equals("http://snomed.info/sct") && !SNOMED_ID.matcher(code).matches()) {
        problem(q.line(), where + ": '" + code + "' is not a SNOMED CT identifier");
      } else if (system.equals("http://loinc.org") && !LOINC_ID.matcher(code).matches()) {
        problem(q.line(), where + ": '" + code + "' is not a LOINC code (digits, dash, check digit)");
      } else if (display.isBlank()) {
        problem(q.line(), where + ": code " + code + " has no display");
      } else if (!URL.matcher(source).matches()) {
        // A code without the page it was confirmed on is a code nobody can check.
        problem(q.line(), where + ": code " + code + " needs 'source:', the published page it "
            + "was confirmed on (a URL)");
      } else {
        out.add(new Code(system, code, display, source));
      }
    }
    return List.copyOf(out);
  }

  private void checkAcrossEntries(List<Entry> entries, List<Site> sites) {
    Map<String, Entry> byPath = new HashMap<>();
    entries.forEach(e -> byPath.put(e.path(), e));
    Map<String, Entry> byCode = new HashMap<>();
    for (Entry e : entries) {
      for (String trigger : e.askedWhen()) {
        Entry t = byPath.get(trigger);
        if (t == null) {
          problem(e.line(), "'" + e.path() + "': askedWhen '" + trigger + "' is not a question "
              + "of the vocabulary" + Spelling.didYouMean(trigger, byPath.keySet()));
        } else if (t == e) {
          problem(e.line(), "'" + e.path() + "': a question cannot trigger itself");
        } else if (t.kind() == Kind.NUMBER) {
          problem(e.line(), "'" + e.path() + "': askedWhen '" + trigger + "' is a number; a "
              + "trigger is a yes/no or site question");
        }
      }
      for (Code c : e.codes()) {
        Entry first = byCode.putIfAbsent(c.system() + "|" + c.code(), e);
        if (first != null) {
          problem(e.line(), "'" + e.path() + "': code " + c.code() + " is already the code of '"
              + first.path() + "' (line " + first.line() + ")");
        }
      }
    }
    for (Site s : sites) {
      boolean used = SITE_SECTIONS.keySet().stream()
          .anyMatch(section -> byPath.containsKey(section + "." + s.key()));
      if (!used) {
        problem(s.line(), "site '" + s.key() + "' has no question: add numbness." + s.key()
            + ", pain." + s.key() + " or weakness." + s.key() + " under 'questions:'");
      }
    }
  }

  private boolean fieldsKnown(Raw r, Set<String> allowed, String where) {
    if (!r.node().isObject()) {
      problem(r.line(), where + ": expected its fields (" + String.join(", ", sorted(allowed))
          + ")");
      return false;
    }
    boolean ok = true;
    var names = r.node().fieldNames();
    while (names.hasNext()) {
      String f = names.next();
      if (!allowed.contains(f)) {
        problem(r.line(), where + ": unknown field '" + f + "'"
            + Spelling.didYouMean(f, allowed) + "; allowed: " + String.join(", ", sorted(allowed)));
        ok = false;
      }
    }
    return ok;
  }

  private static List<String> sorted(Set<String> s) {
    return s.stream().sorted().toList();
  }

  private String text(Raw r, String field, String where, boolean required) {
    JsonNode n = r.node().get(field);
    if (n == null) {
      if (required) {
        problem(r.line(), where + ": no '" + field + ":'");
      }
      return null;
    }
    if (!n.isTextual() || n.asText().isBlank()) {
      problem(r.line(), where + ": '" + field + ":' must be text");
      return null;
    }
    return n.asText().strip();
  }

  private Integer number(Raw r, String field, String where) {
    JsonNode n = r.node().get(field);
    if (n == null) {
      return null;
    }
    if (!n.canConvertToInt() || !n.isIntegralNumber()) {
      problem(r.line(), where + ": '" + field + ":' must be a whole number");
      return null;
    }
    return n.intValue();
  }

  private List<String> list(Raw r, String field, String where) {
    JsonNode n = r.node().get(field);
    if (n == null) {
      return List.of();
    }
    if (!n.isArray()) {
      problem(r.line(), where + ": '" + field + ":' must be a list, e.g. [a, b]");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (JsonNode x : n) {
      if (!x.isTextual() || x.asText().isBlank()) {
        problem(r.line(), where + ": '" + field + ":' must be a list of words");
        continue;
      }
      String v = x.asText().strip();
      if (out.contains(v)) {
        problem(r.line(), where + ": '" + field + ":' lists " + v + " twice");
      }
      out.add(v);
    }
    return out;
  }

  private void problem(int line, String message) {
    problems.add(new RuleBaseException.Problem(file, line, message));
  }
}
