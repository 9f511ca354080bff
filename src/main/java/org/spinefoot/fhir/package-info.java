/**
 * Internal to spinefoot, not API: may change without notice. FHIR R4: the Questionnaire generated
 * from the record model, and records read from a QuestionnaireResponse.
 */
package org.spinefoot.fhir;
