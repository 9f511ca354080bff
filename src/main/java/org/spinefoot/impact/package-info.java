/** What a knowledge change does over a corpus of records: the synthetic corpus generator. */
package org.spinefoot.impact;
