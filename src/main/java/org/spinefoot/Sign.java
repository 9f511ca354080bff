package org.spinefoot;

/**
 * A yes/no observation of the record ({@code signs.<key>}), as a {@link Vocabulary} defines it in
 * {@code rules/vocabulary.yaml}: its key, how it reads in a reason, its category. Get one from
 * the vocabulary ({@link Vocabulary#sign(String)}, or {@link #of(String)} for the packaged one),
 * which fails on a key it does not define. Immutable and thread-safe; two signs are the same
 * when they are the same object, from the same vocabulary.
 */
public final class Sign {
  private final String key;
  private final Vocabulary.Entry entry;
  private final int index;
  private final Vocabulary owner;

  Sign(Vocabulary owner, String key, Vocabulary.Entry entry, int index) {
    this.owner = owner;
    this.key = key.intern();
    this.entry = entry;
    this.index = index;
  }

  /**
   * A sign of the packaged vocabulary.
   *
   * @param key its key under {@code signs}, e.g. {@code fever}
   * @return the sign
   * @throws IllegalArgumentException if the packaged vocabulary does not define it, naming the
   *     allowed keys
   */
  public static Sign of(String key) {
    return Vocabulary.packaged().sign(key);
  }

  /**
   * The group the question belongs to.
   *
   * @return its category's key, e.g. {@code alarm}
   */
  public String getCategory() {
    return entry.category();
  }

  /**
   * How the sign reads in a reason and in a questionnaire.
   *
   * @return e.g. "loss of bladder or bowel control"
   */
  public String getLabel() {
    return entry.label();
  }

  /**
   * The sign's name in patient files, under {@code signs}; also what {@link #toString()} gives.
   *
   * @return e.g. {@code bladderOrBowelControlLost}
   */
  public String key() {
    return key;
  }

  /**
   * The question as the vocabulary defines it.
   *
   * @return its entry
   */
  public Vocabulary.Entry entry() {
    return entry;
  }

  /**
   * Its place in the vocabulary's order of signs, from 0.
   *
   * @return the index
   */
  public int index() {
    return index;
  }

  /**
   * The vocabulary that defines it.
   *
   * @return its vocabulary
   */
  public Vocabulary vocabulary() {
    return owner;
  }

  @Override
  public String toString() {
    return key;
  }
}
