/**
 * Internal to spinefoot, not API: may change without notice. Assessing a stream of records
 * ({@code assess --batch}), one JSON record per line (NDJSON) in and one result line out, with
 * bounded line length and a summary.
 */
package org.spinefoot.batch;
