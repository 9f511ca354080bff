package org.spinefoot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.spinefoot.Assessor;
import org.spinefoot.KnowledgeVersion;
import org.spinefoot.RuleBaseException;
import org.spinefoot.fhir.RuleSetVersion;
import org.spinefoot.service.ServiceConfig;
import org.spinefoot.service.SpinefootService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spinefoot serve}: the CDS Hooks service. Every option also reads an environment
 * variable (named in its description), so a container needs no command line. Runs until SIGTERM
 * or Ctrl-C, then lets calls in flight finish.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the CDS Hooks service (patient-view), the FHIR Questionnaire and SDC "
        + "$next-question over HTTP until stopped (SIGTERM or Ctrl-C).")
final class ServeCommand implements Callable<Integer> {
  static final int GRACE_SECONDS = 10;

  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(names = "--port", defaultValue = "${env:SPINEFOOT_PORT:-8080}", paramLabel = "N",
      description = "Port to listen on; 0 picks a free one (env SPINEFOOT_PORT; default 8080).")
  int port;

  @Option(names = "--bind", defaultValue = "${env:SPINEFOOT_BIND:-127.0.0.1}",
      paramLabel = "ADDRESS",
      description = "Address to listen on (env SPINEFOOT_BIND; default 127.0.0.1, loopback only).")
  String bind;

  @Option(names = "--public-url", defaultValue = "${env:SPINEFOOT_PUBLIC_URL}", paramLabel = "URL",
      description = "The URL clients reach the service by; token audiences are checked against "
          + "it (env SPINEFOOT_PUBLIC_URL; default http://ADDRESS:PORT).")
  String publicUrl;

  @Option(names = "--trust", split = ",", defaultValue = "${env:SPINEFOOT_TRUST}",
      paramLabel = "ISSUER=JWKS",
      description = "Trust JWTs from ISSUER signed with a key of the JWK Set JWKS (a file or an "
          + "http(s) URL); repeatable or comma-separated (env SPINEFOOT_TRUST).")
  List<String> trust;

  @Option(names = "--trust-jku", split = ",", defaultValue = "${env:SPINEFOOT_TRUST_JKU}",
      paramLabel = "ISSUER=URL",
      description = "Let tokens from ISSUER name the JWK Set URL in their jku header (exact "
          + "match; keys fetched, cached and refreshed on an unknown kid at most once a minute); "
          + "repeatable or comma-separated (env SPINEFOOT_TRUST_JKU).")
  List<String> trustJku;

  @Option(names = "--audience", split = ",", defaultValue = "${env:SPINEFOOT_AUDIENCE}",
      paramLabel = "AUD",
      description = "Accept this aud too, besides the endpoint URL (env SPINEFOOT_AUDIENCE).")
  List<String> audiences;

  @Option(names = "--audit-log", defaultValue = "${env:SPINEFOOT_AUDIT_LOG}", paramLabel = "FILE",
      description = "Append one NDJSON line per call to FILE (env SPINEFOOT_AUDIT_LOG).")
  Path auditLog;

  @Option(names = "--audit-patient-id",
      defaultValue = "${env:SPINEFOOT_AUDIT_PATIENT_ID:-false}",
      description = "Also record the hook's patient ID in the audit log; by default no patient "
          + "data is logged (env SPINEFOOT_AUDIT_PATIENT_ID).")
  boolean auditPatientId;

  @Option(names = "--cors-origins", split = ",", defaultValue = "${env:SPINEFOOT_CORS_ORIGINS}",
      paramLabel = "ORIGIN",
      description = "Browser origins allowed (CORS), each exact, e.g. "
          + "https://sandbox.cds-hooks.org (env SPINEFOOT_CORS_ORIGINS; default none).")
  List<String> corsOrigins;

  /** How the questionnaire app is opened from a card. */
  enum LaunchType { smart, absolute }

  @Option(names = "--launch-url", defaultValue = "${env:SPINEFOOT_LAUNCH_URL}", paramLabel = "URL",
      description = "The app that asks the open questions, linked from the ask-next card "
          + "(env SPINEFOOT_LAUNCH_URL; default: no link).")
  String launchUrl;

  @Option(names = "--launch-type", defaultValue = "${env:SPINEFOOT_LAUNCH_TYPE:-smart}",
      paramLabel = "TYPE", description = "smart (a SMART app, launched with the EHR's context) "
          + "or absolute (a plain page); default: ${DEFAULT-VALUE}.")
  LaunchType launchType;

  @Option(names = "--knowledge-url", defaultValue = "${env:SPINEFOOT_KNOWLEDGE_URL}",
      paramLabel = "URL", description = "Where the catalog of the knowledge is published "
          + "(./spinefoot catalog), each card's source.url (env SPINEFOOT_KNOWLEDGE_URL).")
  String knowledgeUrl;

  @Option(names = "--max-request-bytes",
      defaultValue = "${env:SPINEFOOT_MAX_REQUEST_BYTES:-1048576}", paramLabel = "N",
      description = "Largest request body accepted (env SPINEFOOT_MAX_REQUEST_BYTES; default 1 MiB).")
  int maxRequestBytes;

  @Option(names = "--request-timeout", defaultValue = "${env:SPINEFOOT_REQUEST_TIMEOUT:-10}",
      paramLabel = "SECONDS",
      description = "Longest a client may take to send a request or read the answer, and a fetch "
          + "from the FHIR server may take (env SPINEFOOT_REQUEST_TIMEOUT; default 10).")
  int requestTimeout;

  @Option(names = "--threads", defaultValue = "${env:SPINEFOOT_THREADS:-0}", paramLabel = "N",
      description = "Worker threads (env SPINEFOOT_THREADS; default 4 per processor).")
  int threads;

  @Option(names = "--allow-unauthenticated",
      defaultValue = "${env:SPINEFOOT_ALLOW_UNAUTHENTICATED:-false}",
      description = "Serve calls that carry no token (a developer's machine only; a token that "
          + "is sent is still checked).")
  boolean allowUnauthenticated;

  @Option(names = "--allow-draft", defaultValue = "${env:SPINEFOOT_ALLOW_DRAFT:-false}",
      description = "Serve knowledge that is not approved for use: a draft (status draft in "
          + "rules/knowledge.yaml, or rules changed since their version was recorded) or "
          + "retired knowledge. For review and testing only; cards name the status.")
  boolean allowDraft;

  /** The knowledge to serve: only what was approved for use, unless drafts are allowed. */
  private Assessor approvedAssessor() {
    Assessor assessor = main.loadAssessor();
    KnowledgeVersion k = assessor.knowledge();
    if (k.status() != KnowledgeVersion.Status.ACTIVE && !allowDraft) {
      throw new RuleBaseException("refusing to serve knowledge that is not approved for use: "
          + k.label() + (k.status() == KnowledgeVersion.Status.DRAFT
              ? "; record its version in knowledge.yaml (./spinefoot lint says how)"
              : "; it is retired") + ", or start with --allow-draft for review and testing",
          List.of(), null);
    }
    return assessor;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long started = System.nanoTime();
    ServiceConfig config = new ServiceConfig().bind(bind).port(port).publicUrl(publicUrl)
        .auditLog(auditLog).auditPatientId(auditPatientId).corsOrigins(nonBlank(corsOrigins))
        .maxRequestBytes(maxRequestBytes).requestTimeoutSeconds(requestTimeout)
        .fetchTimeoutSeconds(requestTimeout).allowUnauthenticated(allowUnauthenticated);
    if (threads > 0) {
      config.threads(threads);
    }
    if (!pairs("--trust", "ISSUER=JWKS", trust, config::trust, err)
        || !pairs("--trust-jku", "ISSUER=URL", trustJku, config::trustJku, err)) {
      return Main.BAD_INPUT;
    }
    nonBlank(audiences).forEach(config::audience);
    try {
      config.cardLinks(launchUrl, launchType == LaunchType.smart, knowledgeUrl);
    } catch (IllegalArgumentException e) {
      err.println("spinefoot: --launch-url / --knowledge-url: " + e.getMessage());
      return Main.BAD_INPUT;
    }
    SpinefootService service;
    try {
      service = SpinefootService.start(config, this::approvedAssessor);
    } catch (IllegalArgumentException e) {
      err.println("spinefoot: " + e.getMessage());
      return Main.BAD_INPUT;
    } catch (IOException e) {
      err.println("spinefoot: cannot listen on " + bind + ":" + port + ": " + e.getMessage());
      return Main.BAD_INPUT;
    }
    out.printf("spinefoot: listening on %s (in %d ms); loading the knowledge base...%n",
        service.publicUrl(), (System.nanoTime() - started) / 1_000_000);
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      service.stop(GRACE_SECONDS);
      stopped.countDown();
    }, "spinefoot-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      RuleSetVersion version = service.awaitReady();
      out.printf("spinefoot: ready in %d ms: %s (rules sha256:%s); audit log: %s%n",
          (System.nanoTime() - started) / 1_000_000, version.sourceLabel(), version.contentHash(),
          auditLog == null ? "none" : auditLog);
      out.flush();
    } catch (RuleBaseException e) {
      err.println("spinefoot: " + e.getMessage());
      removeHook(hook);
      service.stop(0);
      return Main.RULES_BROKEN;
    }
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      removeHook(hook);
      service.stop(GRACE_SECONDS);
    }
    return Main.OK;
  }

  /** Passes each {@code KEY=VALUE} to {@code add}; false (after saying why) on a malformed one. */
  private static boolean pairs(String option, String shape, List<String> values,
      java.util.function.BiConsumer<String, String> add, PrintWriter err) {
    for (String t : nonBlank(values)) {
      int eq = t.indexOf('=');
      if (eq <= 0 || eq == t.length() - 1) {
        err.println("spinefoot: " + option + ": '" + t + "' is not " + shape);
        return false;
      }
      add.accept(t.substring(0, eq), t.substring(eq + 1));
    }
    return true;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // already running
    }
  }

  private static List<String> nonBlank(List<String> values) {
    List<String> out = new ArrayList<>();
    if (values != null) {
      for (String v : values) {
        if (v != null && !v.isBlank()) {
          out.add(v.strip());
        }
      }
    }
    return out;
  }
}
