/**
 * Internal to spinefoot, not API: may change without notice. The {@code spinefoot} command line
 * (picocli): {@code assess}, {@code ask}, {@code explain}, {@code test}, {@code lint}, {@code
 * catalog}, {@code watch}, {@code serve} and the other commands. Its libraries are optional
 * dependencies, not passed on to embedders.
 */
package org.spinefoot.cli;
