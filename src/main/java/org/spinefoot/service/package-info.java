/**
 * Internal to spinefoot, not API: may change without notice. The CDS Hooks 2.0 service ({@code
 * spinefoot serve}): requests, bearer-token checks, FHIR fetching, cards, the choice of the next
 * question and the audit log.
 */
package org.spinefoot.service;
