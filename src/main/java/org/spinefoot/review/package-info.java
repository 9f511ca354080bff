/**
 * Internal to spinefoot, not API: may change without notice. Tools for clinical reviewers of the
 * rules: the rule catalog, lint and safety checks that read DRL through Drools' own parser,
 * explanations of an assessment, mutation testing of the rules, and watching rule files for
 * changes.
 */
package org.spinefoot.review;
