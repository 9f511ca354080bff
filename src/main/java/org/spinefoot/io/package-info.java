/**
 * Internal to spinefoot, not API: may change without notice. Strict reading and writing of
 * patient records as JSON and YAML, and the JSON Schema of records. Embedders use {@code
 * org.spinefoot.Records} instead.
 */
package org.spinefoot.io;
