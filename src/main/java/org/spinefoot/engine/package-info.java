/**
 * Internal to spinefoot, not API: may change without notice. The engine's side of the rules: a
 * record turned into the facts the rules see, the declared red-flag questions, the rule
 * vocabulary that {@code docs/rule-vocabulary.md} is generated from, and the rule compiler's
 * messages in a reviewer's words. Embedders use {@code org.spinefoot} instead.
 */
package org.spinefoot.engine;
