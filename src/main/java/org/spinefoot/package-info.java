/**
 * The spinefoot API: assess a patient with foot numbness or pain for back problems and red flags,
 * and get the urgency, the findings with their reasons, and the advice. Import this package only;
 * its subpackages are internal to spinefoot and may change without notice.
 *
 * <h2>Entry points</h2>
 *
 * <ul>
 *   <li>{@link org.spinefoot.Assessor}: the knowledge base, loaded once ({@link
 *       org.spinefoot.Assessor#fromClasspath()} for the packaged rules, {@link
 *       org.spinefoot.Assessor#fromDirectory(java.nio.file.Path)} for a rule folder) and shared;
 *       {@link org.spinefoot.Assessor#assess(Patient)} gives an {@link
 *       org.spinefoot.Assessment}.
 *   <li>{@link org.spinefoot.Patient}: one record, built with {@link
 *       org.spinefoot.Patient#builder(String)} and changed with {@code with(...)}, {@code
 *       withdraw(...)} or {@code toBuilder()}, in the vocabulary {@link org.spinefoot.Sign},
 *       {@link org.spinefoot.Site}, {@link org.spinefoot.Side}, {@link org.spinefoot.Answer} and
 *       {@link org.spinefoot.Felt}.
 *   <li>{@link org.spinefoot.Records}: a record read strictly from JSON or YAML (a String, a
 *       Reader or a file), a record or an assessment written as JSON.
 *   <li>{@link org.spinefoot.PatientSession}: one patient's live session, re-assessed as answers
 *       change; {@link org.spinefoot.Interview} and {@link org.spinefoot.NextQuestions} on top
 *       of it say what to ask next.
 * </ul>
 *
 * <h2>Unknown is not absent</h2>
 *
 * <p>A question a record leaves out is {@link org.spinefoot.Answer#NOT_ASKED}, never a "no": a
 * record with an unasked red-flag question never ends in self-care, and {@link
 * org.spinefoot.Assessment#unanswered()} lists those questions.
 *
 * <h2>Threads</h2>
 *
 * <p>{@code Assessor}, {@code Patient}, {@code Assessment}, every record type and enum here are
 * immutable and thread-safe, and {@code Records} is stateless: share one {@code Assessor} across
 * the application. {@code PatientSession}, {@code Interview} and {@code Patient.Builder} are
 * not thread-safe: one per conversation, and close sessions and questionnaires when done. There
 * is no global state: each {@code Assessor} holds its own knowledge base.
 *
 * <h2>Errors</h2>
 *
 * <p>All unchecked: {@link org.spinefoot.InvalidInputException} for a record that cannot be read
 * (names the field and the values allowed), {@link org.spinefoot.RuleBaseException} for a
 * knowledge base that cannot be loaded (every problem with file and line; nothing is loaded),
 * {@link org.spinefoot.AssessmentException} for one assessment a rule failed or looped on (names
 * the rule; other assessments are unaffected). Code that builds a {@code Patient} directly gets
 * {@link java.lang.IllegalArgumentException} for an out-of-range value or an unknown path.
 *
 * <h2>Logging</h2>
 *
 * <p>spinefoot writes no log of its own; the Drools engine logs through the SLF4J API. The
 * library brings no SLF4J backend: bring your own (logback, log4j2, slf4j-simple), and set the
 * categories {@code org.drools} and {@code org.kie} to {@code WARN} to quiet the engine's DEBUG
 * lines while a knowledge base loads.
 *
 * <p>IDs such as {@code INT-02} or {@code RF-07} in these docs are items of the clinical
 * inventory ({@code rules/inventory.yaml}, {@link org.spinefoot.Assessor#inventory()}).
 */
package org.spinefoot;
