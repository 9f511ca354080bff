/**
 * Internal to spinefoot, not API: may change without notice. An assessment arranged as a report
 * someone can act on: text for a clinician or a patient, and a self-contained HTML page.
 */
package org.spinefoot.report;
