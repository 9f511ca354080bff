/**
 * Internal to spinefoot, not API: may change without notice. The CDS Hooks 2.0 service ({@code
 * spinefoot serve}): requests, bearer-token checks, FHIR fetching, cards, the choice of the next
 * question and the audit log. {@link org.spinefoot.service.SpinefootService} starts and stops
 * it, {@code Routes} dispatches each call, and each endpoint is a class of
 * its own ({@code HookEndpoint}, {@code FeedbackEndpoint}, {@code NextQuestionEndpoint}).
 */
package org.spinefoot.service;
