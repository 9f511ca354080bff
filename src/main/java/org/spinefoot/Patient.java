package org.spinefoot;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One patient's record: what was asked and what the answers were. Immutable and thread-safe.
 * Anything the record leaves out is "not asked", never "absent"; an answer given as not asked is
 * dropped, so two records that ask the same questions the same way are equal.
 *
 * <p>Build one in code with {@link #builder(String)}, or read one from JSON or YAML with {@link
 * Records}. Change answers with {@link #with(Sign, Answer)}, {@link #with(String, Felt)}, {@link
 * #withdraw(String)} or {@link #toBuilder()}: each returns a new record.
 */
public final class Patient {
  /** Oldest age accepted; anything above is taken as a typing error. */
  public static final int MAX_AGE = 120;
  /** Longest symptom duration accepted, in days (about 100 years). */
  public static final int MAX_DURATION_DAYS = 36_500;

  private final String id;
  private final String description;
  private final Integer age;
  private final Integer durationDays;
  private final Map<Sign, Answer> signs;
  private final Map<Site, Felt> numbness;
  private final Map<Site, Felt> pain;
  private final Map<Site, Felt> weakness;

  /**
   * A record without weakness by site (the form records had before weakness was recorded).
   *
   * @param id the record's identifier; may be null
   * @param description free text describing the patient; may be null
   * @param age age in years, 0 to {@link #MAX_AGE}; null when not asked
   * @param durationDays how many days the symptoms have lasted, 0 to {@link
   *     #MAX_DURATION_DAYS}; null when not asked
   * @param signs the yes/no answers; null, a left-out sign or a null answer means not asked
   * @param numbness numbness or tingling by site; only sites where {@link Site#isNumbnessSite()}
   * @param pain pain by site; only sites where {@link Site#isPainSite()}
   * @throws IllegalArgumentException if a value is out of range or a symptom is given at a site
   *     where it is not recorded, naming the field and what is allowed
   * @throws NullPointerException if a map holds a null key
   */
  public Patient(
      String id,
      String description,
      Integer age,
      Integer durationDays,
      Map<Sign, Answer> signs,
      Map<Site, Felt> numbness,
      Map<Site, Felt> pain) {
    this(id, description, age, durationDays, signs, numbness, pain, null);
  }

  /**
   * A record from its parts; the maps may be null or leave questions out (not asked). The maps
   * are copied. Prefer {@link #builder(String)} in code.
   *
   * @param id the record's identifier; may be null
   * @param description free text describing the patient; may be null
   * @param age age in years, 0 to {@link #MAX_AGE}; null when not asked
   * @param durationDays how many days the symptoms have lasted, 0 to {@link
   *     #MAX_DURATION_DAYS}; null when not asked
   * @param signs the yes/no answers; null, a left-out sign or a null answer means not asked
   * @param numbness numbness or tingling by site; only sites where {@link Site#isNumbnessSite()}
   * @param pain pain by site; only sites where {@link Site#isPainSite()}
   * @param weakness weakness by site; only sites where {@link Site#isWeaknessSite()}
   * @throws IllegalArgumentException if a value is out of range or a symptom is given at a site
   *     where it is not recorded, naming the field and what is allowed
   * @throws NullPointerException if a map holds a null key
   */
  @JsonCreator
  public Patient(
      @JsonProperty("id") String id,
      @JsonProperty("description") String description,
      @JsonProperty("age") Integer age,
      @JsonProperty("durationDays") Integer durationDays,
      @JsonProperty("signs") Map<Sign, Answer> signs,
      @JsonProperty("numbness") Map<Site, Felt> numbness,
      @JsonProperty("pain") Map<Site, Felt> pain,
      @JsonProperty("weakness") Map<Site, Felt> weakness) {
    if (age != null && (age < 0 || age > MAX_AGE)) {
      throw new IllegalArgumentException(
          "age: " + age + " is out of range; allowed: 0 to " + MAX_AGE + " (years)");
    }
    if (durationDays != null && (durationDays < 0 || durationDays > MAX_DURATION_DAYS)) {
      throw new IllegalArgumentException(
          "durationDays: " + durationDays + " is out of range; allowed: 0 to " + MAX_DURATION_DAYS);
    }
    this.id = id;
    this.description = description;
    this.age = age;
    this.durationDays = durationDays;
    this.signs = copy(signs, SIGN_ORDER, Answer.NOT_ASKED);
    this.numbness = copy(numbness, SITE_ORDER, Felt.NOT_ASKED);
    this.pain = copy(pain, SITE_ORDER, Felt.NOT_ASKED);
    this.weakness = copy(weakness, SITE_ORDER, Felt.NOT_ASKED);
    checkSites("numbness", this.numbness, Site::isNumbnessSite);
    checkSites("pain", this.pain, Site::isPainSite);
    checkSites("weakness", this.weakness, Site::isWeaknessSite);
  }

  private static void checkSites(
      String section, Map<Site, Felt> answers, java.util.function.Predicate<Site> recordedThere) {
    for (Site site : answers.keySet()) {
      if (!recordedThere.test(site)) {
        throw new IllegalArgumentException(
            section + "." + site.key() + ": " + section + " is not recorded there; allowed: "
                + String.join(", ", siteKeys(site.vocabulary() == null ? Vocabulary.packaged()
                    : site.vocabulary(), recordedThere)));
      }
    }
  }

  // Entries that say "not asked" are dropped, so two records that ask the same are equal.
  private static final java.util.Comparator<Sign> SIGN_ORDER =
      java.util.Comparator.comparingInt(Sign::index).thenComparing(Sign::key);
  private static final java.util.Comparator<Site> SITE_ORDER =
      java.util.Comparator.comparingInt(Site::index).thenComparing(Site::key);

  private static <K, V> Map<K, V> copy(Map<K, V> in, java.util.Comparator<K> order, V notAsked) {
    java.util.TreeMap<K, V> out = new java.util.TreeMap<>(order);
    if (in != null) {
      in.forEach(
          (k, v) -> {
            Objects.requireNonNull(k, "key");
            if (v != null && !v.equals(notAsked)) {
              out.put(k, v);
            }
          });
    }
    return Collections.unmodifiableMap(out);
  }

  /** The keys of the sites that pass the test, in the vocabulary's order. */
  static List<String> siteKeys(Vocabulary vocabulary, java.util.function.Predicate<Site> test) {
    List<String> keys = new ArrayList<>();
    for (Site s : vocabulary.sites()) {
      if (test.test(s)) {
        keys.add(s.key());
      }
    }
    return keys;
  }

  /**
   * The record's identifier, as the assessment and error messages name the patient.
   *
   * @return the identifier; may be null
   */
  @JsonProperty("id")
  public String id() {
    return id;
  }

  /**
   * Free text describing the patient; the rules never read it.
   *
   * @return the description; may be null
   */
  @JsonProperty("description")
  public String description() {
    return description;
  }

  /**
   * The patient's age.
   *
   * @return age in years, 0 to {@link #MAX_AGE}; null when not asked
   */
  @JsonProperty("age")
  public Integer age() {
    return age;
  }

  /**
   * How long the symptoms have lasted.
   *
   * @return days, 0 to {@link #MAX_DURATION_DAYS}; null when not asked
   */
  @JsonProperty("durationDays")
  public Integer durationDays() {
    return durationDays;
  }

  /**
   * The answered yes/no questions. Use {@link #answer(Sign)} to read one question, since a sign
   * left out of this map is not asked.
   *
   * @return an unmodifiable map holding only {@link Answer#PRESENT} and {@link Answer#ABSENT}
   */
  @JsonProperty("signs")
  public Map<Sign, Answer> signs() {
    return signs;
  }

  /**
   * Where numbness or tingling was asked about, and the answers; a site left out is not asked.
   *
   * @return an unmodifiable map by site, never holding {@link Felt#NOT_ASKED}
   */
  @JsonProperty("numbness")
  public Map<Site, Felt> numbness() {
    return numbness;
  }

  /**
   * Where pain was asked about, and the answers; a site left out is not asked.
   *
   * @return an unmodifiable map by site, never holding {@link Felt#NOT_ASKED}
   */
  @JsonProperty("pain")
  public Map<Site, Felt> pain() {
    return pain;
  }

  /**
   * Where weakness was asked about, and the answers; a site left out is not asked.
   *
   * @return an unmodifiable map by site, never holding {@link Felt#NOT_ASKED}
   */
  @JsonProperty("weakness")
  public Map<Site, Felt> weakness() {
    return weakness;
  }

  /**
   * The answer to one yes/no question.
   *
   * @param sign the question
   * @return the answer; {@link Answer#NOT_ASKED} when the record leaves it out
   */
  public Answer answer(Sign sign) {
    return signs.getOrDefault(sign, Answer.NOT_ASKED);
  }

  /**
   * A builder holding everything this record holds, to change several answers at once. The
   * identifier stays; use {@link #withId(String)} for another.
   *
   * @return a new builder; changing it does not change this record
   */
  public Builder toBuilder() {
    Builder b = new Builder(id, vocabularyOf());
    b.description = description;
    b.age = age;
    b.durationDays = durationDays;
    b.signs.putAll(signs);
    b.numbness.putAll(numbness);
    b.pain.putAll(pain);
    b.weakness.putAll(weakness);
    return b;
  }

  /**
   * This record with one yes/no question answered anew; {@link Answer#NOT_ASKED} takes the
   * answer back.
   *
   * @param sign the question
   * @param answer the new answer
   * @return a new record; this one is unchanged
   * @throws NullPointerException if {@code sign} or {@code answer} is null
   */
  public Patient with(Sign sign, Answer answer) {
    return toBuilder().answer(sign, answer).build();
  }

  /**
   * This record with one question answered anew, named by its path in the record: {@code
   * signs.fever}, {@code numbness.foot}, {@code pain.lowBack}, {@code weakness.leg}. At a site,
   * {@link Answer#PRESENT} records the symptom with the side not recorded; {@link
   * Answer#NOT_ASKED} takes the answer back.
   *
   * @param path the question's path in the record file
   * @param answer the new answer
   * @return a new record; this one is unchanged
   * @throws IllegalArgumentException if the path names no question of the record, listing the
   *     keys allowed, or names a site where that symptom is not recorded
   * @throws NullPointerException if {@code path} or {@code answer} is null
   */
  public Patient with(String path, Answer answer) {
    Objects.requireNonNull(answer, "answer");
    return toBuilder().answer(path, answer).build();
  }

  /**
   * This record with a symptom at one site answered anew, named by its path: {@code
   * numbness.foot}, {@code pain.backOfLeg}, {@code weakness.leg}. {@link Felt#NOT_ASKED} takes
   * the answer back.
   *
   * @param path the site's path in the record file
   * @param felt the new answer, e.g. {@code Felt.on(Side.LEFT)} or {@link Felt#NO}
   * @return a new record; this one is unchanged
   * @throws IllegalArgumentException if the path names no site of the record (a {@code signs.}
   *     path included), or a site where that symptom is not recorded
   * @throws NullPointerException if {@code path} or {@code felt} is null
   */
  public Patient with(String path, Felt felt) {
    return toBuilder().felt(path, felt).build();
  }

  /**
   * This record with one answer taken back, so the question counts as not asked: a question path
   * ({@code signs.fever}, {@code numbness.foot}), {@code age} or {@code durationDays}. A question
   * already not asked stays so.
   *
   * @param path what to take back
   * @return a new record; this one is unchanged
   * @throws IllegalArgumentException if the path names nothing the record holds
   */
  public Patient withdraw(String path) {
    return toBuilder().withdraw(path).build();
  }

  /**
   * This record with another identifier and the same answers.
   *
   * @param newId the identifier; may be null
   * @return a new record; this one is unchanged
   */
  public Patient withId(String newId) {
    return new Patient(newId, description, age, durationDays, signs, numbness, pain, weakness);
  }

  /**
   * A record that gives every question of the record model the same answer: each sign {@code
   * sign}, each site of numbness, pain and weakness {@code felt}. For tools that probe which
   * questions the rules read, and for the vocabulary. Not a realistic patient.
   *
   * @param sign the answer to every yes/no question
   * @param felt the answer at every site, for each symptom recorded there
   * @param age age in years, or null for not asked
   * @param durationDays days of symptoms, or null for not asked
   * @return a record without identifier
   * @throws IllegalArgumentException if {@code age} or {@code durationDays} is out of range
   */
  public static Patient everyQuestion(Answer sign, Felt felt, Integer age, Integer durationDays) {
    return everyQuestion(Vocabulary.packaged(), sign, felt, age, durationDays);
  }

  /**
   * As {@link #everyQuestion(Answer, Felt, Integer, Integer)}, for the questions of a vocabulary.
   *
   * @param vocabulary the vocabulary whose every question is answered
   * @param sign the answer to every yes/no question
   * @param felt the answer at every site, for each symptom recorded there
   * @param age age in years, or null for not asked
   * @param durationDays days of symptoms, or null for not asked
   * @return a record without identifier
   */
  public static Patient everyQuestion(Vocabulary vocabulary, Answer sign, Felt felt, Integer age,
      Integer durationDays) {
    Map<Sign, Answer> signs = new java.util.HashMap<>();
    for (Sign s : vocabulary.signs()) {
      signs.put(s, sign);
    }
    Map<Site, Felt> numbness = new java.util.HashMap<>();
    Map<Site, Felt> pain = new java.util.HashMap<>();
    Map<Site, Felt> weakness = new java.util.HashMap<>();
    for (Site s : vocabulary.sites()) {
      if (s.isNumbnessSite()) {
        numbness.put(s, felt);
      }
      if (s.isPainSite()) {
        pain.put(s, felt);
      }
      if (s.isWeaknessSite()) {
        weakness.put(s, felt);
      }
    }
    return new Patient(null, null, age, durationDays, signs, numbness, pain, weakness);
  }

  /**
   * A builder for a new record; every question starts not asked.
   *
   * @param id the record's identifier; may be null
   * @return a new builder
   */
  public static Builder builder(String id) {
    return new Builder(id, Vocabulary.packaged());
  }

  /**
   * A builder for a new record of a vocabulary (that of a knowledge base loaded from a folder,
   * {@link Assessor#vocabulary()}); every question starts not asked, and a key the vocabulary
   * does not define fails at once.
   *
   * @param id the record's identifier; may be null
   * @param vocabulary the vocabulary its questions come from
   * @return a new builder
   */
  public static Builder builder(String id, Vocabulary vocabulary) {
    return new Builder(id, java.util.Objects.requireNonNull(vocabulary, "vocabulary"));
  }

  /**
   * This record in the terms of a vocabulary: itself when its questions already come from it,
   * otherwise the same answers under that vocabulary's questions of the same keys. Checks the
   * numbers against the vocabulary's ranges.
   *
   * @param vocabulary the vocabulary of the knowledge base that reads the record
   * @return the record in that vocabulary
   * @throws IllegalArgumentException if the vocabulary does not define a question the record
   *     answers, or a number is outside its range, naming the field and what is allowed
   */
  public Patient in(Vocabulary vocabulary) {
    checkRange(vocabulary, "age", age);
    checkRange(vocabulary, "durationDays", durationDays);
    boolean owned = true;
    for (Sign s : signs.keySet()) {
      owned &= s.vocabulary() == vocabulary;
    }
    for (Map<Site, Felt> section : List.of(numbness, pain, weakness)) {
      for (Site s : section.keySet()) {
        owned &= s.vocabulary() == vocabulary;
      }
    }
    if (owned) {
      return this;
    }
    Map<Sign, Answer> mySigns = new java.util.HashMap<>();
    signs.forEach((s, a) -> mySigns.put(vocabulary.sign(s.key()), a));
    return new Patient(id, description, age, durationDays, mySigns,
        sites(vocabulary, "numbness", numbness), sites(vocabulary, "pain", pain),
        sites(vocabulary, "weakness", weakness));
  }

  private static Map<Site, Felt> sites(Vocabulary v, String section, Map<Site, Felt> answers) {
    Map<Site, Felt> out = new java.util.HashMap<>();
    answers.forEach((s, f) -> {
      try {
        out.put(v.site(s.key()), f);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(section + "." + s.key() + ": " + e.getMessage(), e);
      }
    });
    return out;
  }

  private static void checkRange(Vocabulary v, String field, Integer value) {
    if (value == null) {
      return;
    }
    Vocabulary.Entry e = v.entry(field).orElse(null);
    if (e == null) {
      throw new IllegalArgumentException(field + ": the vocabulary does not define " + field);
    }
    if (value < e.min() || value > e.max()) {
      throw new IllegalArgumentException(field + ": " + value + " is out of range; allowed: "
          + e.min() + " to " + e.max() + " (" + e.unit() + ")");
    }
  }

  /**
   * The answer to a question by its path, in the record's own terms.
   *
   * @param vocabulary the vocabulary the path is read in
   * @param path e.g. {@code signs.fever}, {@code pain.lowBack}
   * @return the answer; {@link Answer#NOT_ASKED} when the record leaves it out
   * @throws IllegalArgumentException if the vocabulary does not define the path
   */
  public Answer answerAt(Vocabulary vocabulary, String path) {
    QuestionPath q = QuestionPath.parse(vocabulary, path);
    if (q.sign() != null) {
      return signs.getOrDefault(q.sign(), Answer.NOT_ASKED);
    }
    Map<Site, Felt> section = q.section().equals("numbness") ? numbness
        : q.section().equals("pain") ? pain : weakness;
    return section.getOrDefault(q.site(), Felt.NOT_ASKED).answer();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Patient)) {
      return false;
    }
    Patient p = (Patient) o;
    return Objects.equals(id, p.id)
        && Objects.equals(description, p.description)
        && Objects.equals(age, p.age)
        && Objects.equals(durationDays, p.durationDays)
        && signs.equals(p.signs)
        && numbness.equals(p.numbness)
        && pain.equals(p.pain)
        && weakness.equals(p.weakness);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, description, age, durationDays, signs, numbness, pain, weakness);
  }

  /**
   * The identifier and every answer given, with the keys and values of the record's file format:
   * {@code Patient[maria: age=54, signs={fever=yes, diabetes=no}, numbness={foot=left}]}.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Patient[").append(id == null ? "no id" : id);
    List<String> parts = new ArrayList<>();
    if (age != null) {
      parts.add("age=" + age);
    }
    if (durationDays != null) {
      parts.add("durationDays=" + durationDays);
    }
    if (!signs.isEmpty()) {
      parts.add("signs=" + describe(signs, Sign::key, Patient::answerText));
    }
    if (!numbness.isEmpty()) {
      parts.add("numbness=" + describe(numbness, Site::key, Patient::feltText));
    }
    if (!pain.isEmpty()) {
      parts.add("pain=" + describe(pain, Site::key, Patient::feltText));
    }
    if (!weakness.isEmpty()) {
      parts.add("weakness=" + describe(weakness, Site::key, Patient::feltText));
    }
    if (parts.isEmpty()) {
      parts.add("nothing answered");
    }
    return sb.append(": ").append(String.join(", ", parts)).append(']').toString();
  }

  private static <K, V> String describe(Map<K, V> answers,
      java.util.function.Function<K, String> key, java.util.function.Function<V, String> value) {
    List<String> entries = new ArrayList<>(answers.size());
    answers.forEach((k, v) -> entries.add(key.apply(k) + "=" + value.apply(v)));
    return "{" + String.join(", ", entries) + "}";
  }

  private static String answerText(Answer a) {
    return a == Answer.PRESENT ? "yes" : a == Answer.ABSENT ? "no" : "unknown";
  }

  private static String feltText(Felt f) {
    return f.answer() == Answer.PRESENT && f.side() != Side.UNSPECIFIED
        ? f.side().name().toLowerCase(java.util.Locale.ROOT) : answerText(f.answer());
  }

  /** The question a path names, and which part of the record holds it. */
  /**
   * The vocabulary the record's questions come from.
   *
   * @return the vocabulary of its answers; the packaged one when it answers no question
   */
  public Vocabulary vocabulary() {
    return vocabularyOf();
  }

  private Vocabulary vocabularyOf() {
    for (Sign s : signs.keySet()) {
      return s.vocabulary();
    }
    for (Map<Site, Felt> section : List.of(numbness, pain, weakness)) {
      for (Site s : section.keySet()) {
        return s.vocabulary();
      }
    }
    return Vocabulary.packaged();
  }

  private record QuestionPath(String section, Sign sign, Site site) {
    static QuestionPath parse(Vocabulary vocabulary, String path) {
      Objects.requireNonNull(path, "path");
      int dot = path.indexOf('.');
      String section = dot < 0 ? path : path.substring(0, dot);
      String key = dot < 0 ? "" : path.substring(dot + 1);
      switch (section) {
        case "signs": {
          Sign sign = vocabulary.sign(key);
          return new QuestionPath(section, sign, null);
        }
        case "numbness":
        case "pain":
        case "weakness": {
          Site site;
          try {
            site = vocabulary.site(key);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
          }
          return new QuestionPath(section, null, site);
        }
        default:
          throw new IllegalArgumentException("'" + path + "' is not a question of the record; "
              + "use a path such as signs.fever, numbness.foot, pain.lowBack or weakness.leg");
      }
    }
  }

  /** Builds a {@link Patient} in code. Not thread-safe; the patient it builds is. */
  public static final class Builder {
    private final String id;
    private String description;
    private Integer age;
    private Integer durationDays;
    private final Vocabulary vocabulary;
    private final Map<Sign, Answer> signs = new java.util.HashMap<>();
    private final Map<Site, Felt> numbness = new java.util.HashMap<>();
    private final Map<Site, Felt> pain = new java.util.HashMap<>();
    private final Map<Site, Felt> weakness = new java.util.HashMap<>();

    private Builder(String id, Vocabulary vocabulary) {
      this.id = id;
      this.vocabulary = vocabulary;
    }

    /**
     * Free text describing the patient; the rules never read it.
     *
     * @param text the description; null for none
     * @return this builder
     */
    public Builder description(String text) {
      this.description = text;
      return this;
    }

    /**
     * The patient's age; checked when the record is built.
     *
     * @param years age in years, 0 to {@link Patient#MAX_AGE}
     * @return this builder
     */
    public Builder age(int years) {
      this.age = years;
      return this;
    }

    /**
     * How long the symptoms have lasted; checked when the record is built.
     *
     * @param days days, 0 to {@link Patient#MAX_DURATION_DAYS}
     * @return this builder
     */
    public Builder durationDays(int days) {
      this.durationDays = days;
      return this;
    }

    /**
     * Records that the patient has these signs.
     *
     * @param present the signs answered yes
     * @return this builder
     */
    public Builder present(Sign... present) {
      for (Sign s : present) {
        signs.put(s, Answer.PRESENT);
      }
      return this;
    }

    /**
     * Records that the patient was asked about these signs and does not have them.
     *
     * @param absent the signs answered no
     * @return this builder
     */
    public Builder absent(Sign... absent) {
      for (Sign s : absent) {
        signs.put(s, Answer.ABSENT);
      }
      return this;
    }

    /**
     * Records numbness or tingling at a site, on the given side. A site where numbness is not
     * recorded ({@link Site#isNumbnessSite()} false) fails when the record is built.
     *
     * @param site where it is felt
     * @param side the side; {@link Side#UNSPECIFIED} when not known
     * @return this builder
     * @throws NullPointerException if {@code side} is null
     */
    public Builder numbness(Site site, Side side) {
      numbness.put(site, Felt.on(side));
      return this;
    }

    /**
     * Records that the patient was asked about numbness at these sites and has none.
     *
     * @param sites the sites answered no
     * @return this builder
     */
    public Builder noNumbness(Site... sites) {
      for (Site s : sites) {
        numbness.put(s, Felt.NO);
      }
      return this;
    }

    /**
     * Records pain at a site, on the given side. A site where pain is not recorded
     * ({@link Site#isPainSite()} false) fails when the record is built.
     *
     * @param site where it is felt
     * @param side the side; {@link Side#UNSPECIFIED} when not known
     * @return this builder
     * @throws NullPointerException if {@code side} is null
     */
    public Builder pain(Site site, Side side) {
      pain.put(site, Felt.on(side));
      return this;
    }

    /**
     * Records that the patient was asked about pain at these sites and has none.
     *
     * @param sites the sites answered no
     * @return this builder
     */
    public Builder noPain(Site... sites) {
      for (Site s : sites) {
        pain.put(s, Felt.NO);
      }
      return this;
    }

    /**
     * Records weakness at a site, on the given side. A site where weakness is not recorded
     * ({@link Site#isWeaknessSite()} false) fails when the record is built.
     *
     * @param site where it is felt
     * @param side the side; {@link Side#UNSPECIFIED} when not known
     * @return this builder
     * @throws NullPointerException if {@code side} is null
     */
    public Builder weakness(Site site, Side side) {
      weakness.put(site, Felt.on(side));
      return this;
    }

    /**
     * Records that the patient was asked about weakness at these sites and has none.
     *
     * @param sites the sites answered no
     * @return this builder
     */
    public Builder noWeakness(Site... sites) {
      for (Site s : sites) {
        weakness.put(s, Felt.NO);
      }
      return this;
    }

    /**
     * Answers one yes/no question; {@link Answer#NOT_ASKED} takes the answer back.
     *
     * @param sign the question
     * @param answer the answer
     * @return this builder
     * @throws NullPointerException if {@code sign} or {@code answer} is null
     */
    public Builder answer(Sign sign, Answer answer) {
      Objects.requireNonNull(sign, "sign");
      Objects.requireNonNull(answer, "answer");
      if (answer == Answer.NOT_ASKED) {
        signs.remove(sign);
      } else {
        signs.put(sign, answer);
      }
      return this;
    }

    /**
     * Answers one question named by its path ({@code signs.fever}, {@code numbness.foot}); at a
     * site, {@link Answer#PRESENT} records the symptom with the side not recorded; {@link
     * Answer#NOT_ASKED} takes the answer back.
     *
     * @param path the question's path in the record file
     * @param answer the answer
     * @return this builder
     * @throws IllegalArgumentException if the path names no question of the record
     * @throws NullPointerException if {@code path} or {@code answer} is null
     */
    public Builder answer(String path, Answer answer) {
      Objects.requireNonNull(answer, "answer");
      QuestionPath q = QuestionPath.parse(vocabulary, path);
      if (q.sign() != null) {
        return answer(q.sign(), answer);
      }
      return felt(path, answer == Answer.PRESENT ? Felt.on(Side.UNSPECIFIED)
          : answer == Answer.ABSENT ? Felt.NO : Felt.NOT_ASKED);
    }

    /**
     * Answers a symptom at one site, named by its path ({@code numbness.foot}, {@code
     * pain.lowBack}, {@code weakness.leg}); {@link Felt#NOT_ASKED} takes the answer back.
     *
     * @param path the site's path in the record file
     * @param felt the answer
     * @return this builder
     * @throws IllegalArgumentException if the path names no site of the record, or a yes/no
     *     question
     * @throws NullPointerException if {@code path} or {@code felt} is null
     */
    public Builder felt(String path, Felt felt) {
      Objects.requireNonNull(felt, "felt");
      QuestionPath q = QuestionPath.parse(vocabulary, path);
      if (q.site() == null) {
        throw new IllegalArgumentException(path + ": a yes/no question takes an Answer, not a side");
      }
      Map<Site, Felt> section = q.section().equals("numbness") ? numbness
          : q.section().equals("pain") ? pain : weakness;
      if (felt.equals(Felt.NOT_ASKED)) {
        section.remove(q.site());
      } else {
        section.put(q.site(), felt);
      }
      return this;
    }

    /**
     * Takes one answer back, so the question counts as not asked: a question path ({@code
     * signs.fever}, {@code numbness.foot}), {@code age} or {@code durationDays}.
     *
     * @param path what to take back
     * @return this builder
     * @throws IllegalArgumentException if the path names nothing the record holds
     */
    public Builder withdraw(String path) {
      if ("age".equals(path)) {
        age = null;
      } else if ("durationDays".equals(path)) {
        durationDays = null;
      } else {
        answer(path, Answer.NOT_ASKED);
      }
      return this;
    }

    /**
     * The record. The builder can go on being used; later changes do not reach this record.
     *
     * @return a new, immutable record
     * @throws IllegalArgumentException if a value is out of range or a symptom is given at a site
     *     where it is not recorded, naming the field and what is allowed
     */
    public Patient build() {
      return new Patient(id, description, age, durationDays, signs, numbness, pain, weakness)
          .in(vocabulary);
    }
  }
}
