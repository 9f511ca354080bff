/**
 * Internal to spinefoot, not API: may change without notice. The vocabulary, the reviewers'
 * data file beside the rules ({@code rules/vocabulary.yaml}): read strictly ({@code
 * VocabularyReader}), checked against what the rules read, with the questions a rule can match
 * while they are not asked ({@code VocabularyUse}, {@code NotAskedReads}, from Drools' parse of
 * the rules), and the fact vocabulary {@code docs/rule-vocabulary.md} is generated from ({@code
 * RuleVocabulary}). Embedders use {@code org.spinefoot.Vocabulary} instead.
 */
package org.spinefoot.vocabulary;
