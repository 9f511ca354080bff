/**
 * What a knowledge change does over a corpus of records: the synthetic corpus generator, and the
 * comparison of two knowledge bases record by record ({@link org.spinefoot.impact.ImpactRun})
 * behind {@code spinefoot impact}.
 */
package org.spinefoot.impact;
