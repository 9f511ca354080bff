package org.spinefoot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.spinefoot.engine.Spelling;
import org.spinefoot.vocabulary.VocabularyReader;

/**
 * The observations a patient record may carry, as the knowledge base defines them in {@code
 * rules/vocabulary.yaml}: every question with its kind of answer, its wording for clinicians and
 * patients, its category, whether it is a red-flag question, when it is asked, who can answer it,
 * the inventory items that use it and its standard codes. Reviewers own the file; the record
 * reader, the JSON Schema, the Questionnaire, {@code ask}, lint and the property tests all read it
 * from here, so no list of observations is written twice.
 *
 * <p>Immutable and thread-safe. Get the packaged one with {@link #packaged()}, or the one of a
 * loaded knowledge base with {@link Assessor#vocabulary()}; build records against it with {@link
 * #newRecord(String)}, which fails fast on a key it does not define.
 */
public final class Vocabulary {
  /** Where the packaged vocabulary is on the class path, beside the packaged rules. */
  public static final String FILE = "vocabulary.yaml";

  /** The kind of answer a question takes. */
  public enum Kind {
    /** yes, no or unknown: {@code signs.<key>}. */
    YES_NO,
    /** yes on the left, the right or both sides, no, or unknown: {@code numbness.<site>}. */
    SITE_AND_SIDE,
    /** a whole number with a unit and a range: {@code age}, {@code durationDays}. */
    NUMBER
  }

  /** What the start of a red-flag observation means, as the safety net says it (SC-10). */
  public enum SafetyNet {
    /** call emergency services now. */
    EMERGENCY,
    /** be seen the same day. */
    SAME_DAY,
    /** tell the clinician (history, not a new symptom). */
    TELL
  }

  /** Who can answer a question. */
  public enum Answerer {
    /** the patient, in their own words or by a self-check. */
    PATIENT,
    /** a clinician, from the history or an examination. */
    CLINICIAN
  }

  /**
   * A standard code for an observation, with the published page it was confirmed on.
   *
   * @param system the code system's URI ({@code http://snomed.info/sct} or {@code
   *     http://loinc.org})
   * @param code the concept's code
   * @param display the concept's term as the page shows it
   * @param source the page the code was confirmed on
   */
  public record Code(String system, String code, String display, String source) {}

  /**
   * One question of the record.
   *
   * @param path the key as records write it: {@code signs.fever}, {@code numbness.foot}, {@code
   *     age}
   * @param kind the kind of answer
   * @param category the category's key (see {@link #categories()})
   * @param label how it reads in a reason ("fever", "numbness or tingling in the foot")
   * @param clinician the question in a clinician's words
   * @param patient the question in a patient's words
   * @param redFlag whether it is a red-flag question (INT-03, INT-09)
   * @param askedWhen the questions that trigger it: asked unless every one of them was answered
   *     "no"; empty when it is always asked
   * @param answeredBy who can answer it
   * @param inventory the inventory items that use it
   * @param codes its standard codes; empty when uncoded
   * @param unit the unit of a number ("years"); null for other kinds
   * @param min the smallest number accepted; null for other kinds
   * @param max the largest number accepted; null for other kinds
   * @param safetyNet for a red-flag question, what its start means in the safety net; null
   *     otherwise
   * @param safetyNetWords how the safety net names it, in a patient's words
   * @param line the line of {@code vocabulary.yaml} that defines it
   */
  public record Entry(String path, Kind kind, String category, String label, String clinician,
      String patient, boolean redFlag, List<String> askedWhen, Set<Answerer> answeredBy,
      List<String> inventory, List<Code> codes, String unit, Integer min, Integer max,
      SafetyNet safetyNet, String safetyNetWords, int line) {
    /**
     * Whether the question is conditional.
     *
     * @return true when it has a trigger
     */
    public boolean conditional() {
      return !askedWhen.isEmpty();
    }
  }

  private static final class Packaged {
    static final Vocabulary INSTANCE = load();

    private static Vocabulary load() {
      String path = "spinefoot/rules/" + FILE;
      try (InputStream in = Vocabulary.class.getClassLoader().getResourceAsStream(path)) {
        if (in == null) {
          throw new RuleBaseException("cannot load the vocabulary", List.of(
              new RuleBaseException.Problem(path, 0, "not on the class path")), null);
        }
        return read(new String(in.readAllBytes(), StandardCharsets.UTF_8), FILE);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("cannot read " + path, e);
      }
    }
  }

  private final Map<String, String> categories;
  private final List<Site> sites;
  private final Map<String, Site> sitesByKey;
  private final List<Sign> signs;
  private final Map<String, Sign> signsByKey;
  private final List<Entry> entries;
  private final Map<String, Entry> byPath;
  private final List<String> redFlagQuestions;

  /**
   * Builds a vocabulary from checked parts; {@link VocabularyReader} is the only caller.
   *
   * @param categories category key to its title, in order
   * @param sites the sites, in order, not yet attached
   * @param entries every question, in order
   */
  public Vocabulary(Map<String, String> categories, List<Site> sites, List<Entry> entries) {
    this.categories = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(categories));
    this.entries = List.copyOf(entries);
    Map<String, Entry> paths = new LinkedHashMap<>();
    List<String> redFlags = new ArrayList<>();
    List<Sign> signList = new ArrayList<>();
    for (Entry e : entries) {
      paths.put(e.path(), e);
      if (e.redFlag()) {
        redFlags.add(e.path());
      }
      if (e.kind() == Kind.YES_NO) {
        signList.add(new Sign(this, e.path().substring("signs.".length()), e, signList.size()));
      }
    }
    this.byPath = java.util.Collections.unmodifiableMap(paths);
    this.redFlagQuestions = List.copyOf(redFlags);
    List<Site> siteList = new ArrayList<>();
    for (Site s : sites) {
      siteList.add(s.attach(this, siteList.size(), paths.containsKey("numbness." + s.key()),
          paths.containsKey("pain." + s.key()), paths.containsKey("weakness." + s.key())));
    }
    this.sites = List.copyOf(siteList);
    this.signs = List.copyOf(signList);
    Map<String, Site> siteKeys = new LinkedHashMap<>();
    this.sites.forEach(s -> siteKeys.put(s.key(), s));
    this.sitesByKey = java.util.Collections.unmodifiableMap(siteKeys);
    Map<String, Sign> signKeys = new LinkedHashMap<>();
    this.signs.forEach(s -> signKeys.put(s.key(), s));
    this.signsByKey = java.util.Collections.unmodifiableMap(signKeys);
  }

  /**
   * The vocabulary packaged with the library, beside the packaged rules; read once.
   *
   * @return the packaged vocabulary
   * @throws RuleBaseException if the packaged file is missing or wrong
   */
  public static Vocabulary packaged() {
    return Packaged.INSTANCE;
  }

  /**
   * Reads and checks a vocabulary file.
   *
   * @param yaml the text of {@code vocabulary.yaml}
   * @param file the name problems are reported under
   * @return the vocabulary
   * @throws RuleBaseException naming every problem with its line
   */
  public static Vocabulary read(String yaml, String file) {
    return VocabularyReader.read(yaml, file);
  }

  /**
   * The categories questions are grouped in, in order.
   *
   * @return an unmodifiable map of category key to its title
   */
  public Map<String, String> categories() {
    return categories;
  }

  /**
   * Every question, in the file's order.
   *
   * @return an unmodifiable list
   */
  public List<Entry> entries() {
    return entries;
  }

  /**
   * The question at a path.
   *
   * @param path e.g. {@code signs.fever}
   * @return the question, or empty when the vocabulary does not define it
   */
  public Optional<Entry> entry(String path) {
    return Optional.ofNullable(byPath.get(path));
  }

  /**
   * The paths of the red-flag questions, in the file's order.
   *
   * @return an unmodifiable list
   */
  public List<String> redFlagQuestions() {
    return redFlagQuestions;
  }

  /**
   * The yes/no observations, in the file's order.
   *
   * @return an unmodifiable list
   */
  public List<Sign> signs() {
    return signs;
  }

  /**
   * The sites numbness, pain or weakness can be recorded at, in the file's order.
   *
   * @return an unmodifiable list
   */
  public List<Site> sites() {
    return sites;
  }

  /**
   * A yes/no observation by its key.
   *
   * @param key its key under {@code signs}, e.g. {@code fever}
   * @return the sign
   * @throws IllegalArgumentException if the vocabulary does not define it, naming the allowed keys
   */
  public Sign sign(String key) {
    Sign s = signsByKey.get(key);
    if (s == null) {
      throw new IllegalArgumentException("signs." + key + ": unknown sign '" + key + "'"
          + Spelling.didYouMean(key, signsByKey.keySet()) + "; allowed: "
          + String.join(", ", signsByKey.keySet()));
    }
    return s;
  }

  /**
   * A yes/no observation by its key, if defined.
   *
   * @param key its key under {@code signs}
   * @return the sign, or empty
   */
  public Optional<Sign> findSign(String key) {
    return Optional.ofNullable(signsByKey.get(key));
  }

  /**
   * A site by its key.
   *
   * @param key e.g. {@code foot}
   * @return the site
   * @throws IllegalArgumentException if the vocabulary does not define it, naming the allowed keys
   */
  public Site site(String key) {
    Site s = sitesByKey.get(key);
    if (s == null) {
      throw new IllegalArgumentException("unknown site '" + key + "'"
          + Spelling.didYouMean(key, sitesByKey.keySet()) + "; allowed: "
          + String.join(", ", sitesByKey.keySet()));
    }
    return s;
  }

  /**
   * A site by its key, if defined.
   *
   * @param key its key
   * @return the site, or empty
   */
  public Optional<Site> findSite(String key) {
    return Optional.ofNullable(sitesByKey.get(key));
  }

  /**
   * Whether a question is due for a record: it has no trigger, or one of its triggers was not
   * answered "no" (unknown is not absent: a trigger not yet asked keeps the question due).
   *
   * @param entry the question
   * @param record the record
   * @return true when the question should be asked
   */
  public boolean isDue(Entry entry, Patient record) {
    if (!entry.conditional()) {
      return true;
    }
    for (String trigger : entry.askedWhen()) {
      if (record.answerAt(this, trigger) != Answer.ABSENT) {
        return true;
      }
    }
    return false;
  }

  /**
   * A new record whose questions are checked against this vocabulary as they are answered.
   *
   * @param id the record's identifier; may be null
   * @return a builder
   */
  public Patient.Builder newRecord(String id) {
    return Patient.builder(id, this);
  }

  @Override
  public String toString() {
    return "Vocabulary[" + entries.size() + " questions, " + sites.size() + " sites]";
  }
}
