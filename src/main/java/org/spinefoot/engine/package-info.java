/**
 * Internal to spinefoot, not API: may change without notice. The engine's side of the rules: a
 * record turned into the facts the rules see, the rule compiler's messages in a reviewer's
 * words, and the watchdog that stops a rule that runs past its time budget. Embedders use {@code org.spinefoot} instead.
 */
package org.spinefoot.engine;
