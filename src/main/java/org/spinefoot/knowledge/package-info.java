/**
 * Internal to spinefoot, not API: may change without notice. Loading the knowledge base: the
 * rule files, inventory, vocabulary and version file read from a folder or the classpath
 * ({@code RuleFiles}, {@code KnowledgeFile}), compiled from DRL with every problem located by
 * file and line ({@code RuleBaseBuilder}, {@code ParserErrorLine}), or loaded from the
 * executable model the build generated ({@code ExecutableModelGenerator}, build time only, and
 * {@code PackagedModel}). Embedders use {@code org.spinefoot.Assessor} instead.
 */
package org.spinefoot.knowledge;
