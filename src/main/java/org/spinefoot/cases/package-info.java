/**
 * Internal to spinefoot, not API: may change without notice. The regression test cases of {@code
 * test-cases/}: reading them, running them against a knowledge base, their coverage of rules and
 * inventory items, and JUnit XML reports.
 */
package org.spinefoot.cases;
