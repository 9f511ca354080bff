package org.spinefoot.cli;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spinefoot token}: a signed test JWT for calling {@code spinefoot serve} by hand, as a
 * CDS client would sign it (ES384). Makes the key pair on first use: the private key in
 * {@code --key}, the public JWK Set to give {@code serve --trust} in {@code --jwks}.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
    description = "Print a signed JWT (ES384) for testing spinefoot serve by hand; creates the key "
        + "pair on first use. Not for production: a real CDS client signs its own tokens.")
final class TokenCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--key", defaultValue = "spinefoot-test-key.json", paramLabel = "FILE",
      description = "The private key (JWK); created when missing (default: ${DEFAULT-VALUE}).")
  Path key;

  @Option(names = "--jwks", defaultValue = "spinefoot-test-jwks.json", paramLabel = "FILE",
      description = "Where the public JWK Set is written when the key is created "
          + "(default: ${DEFAULT-VALUE}).")
  Path jwks;

  @Option(names = "--issuer", required = true, paramLabel = "ISS", description = "iss claim.")
  String issuer;

  @Option(names = "--audience", required = true, paramLabel = "URL",
      description = "aud claim: the service endpoint, e.g. "
          + "http://127.0.0.1:8080/cds-services/spinefoot-triage.")
  String audience;

  @Option(names = "--subject", defaultValue = "test-client", paramLabel = "SUB",
      description = "sub claim: the client ID (default: ${DEFAULT-VALUE}).")
  String subject;

  @Option(names = "--lifetime", defaultValue = "300", paramLabel = "SECONDS",
      description = "Seconds until exp (default: ${DEFAULT-VALUE}).")
  int lifetime;

  @Override
  public Integer call() throws IOException, JOSEException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ECKey ec;
    if (Files.exists(key)) {
      try {
        ec = ECKey.parse(Files.readString(key));
      } catch (ParseException e) {
        err.println("spinefoot: " + key + ": not an EC private key (JWK): " + e.getMessage());
        return Main.BAD_INPUT;
      }
    } else {
      ec = new ECKeyGenerator(Curve.P_384).keyID(UUID.randomUUID().toString())
          .algorithm(JWSAlgorithm.ES384).generate();
      Files.writeString(key, ec.toJSONString());
      try {
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // best effort on other file systems
      }
      Files.writeString(jwks, new JWKSet(ec.toPublicJWK()).toString(true));
      err.println("spinefoot: created " + key + " (private) and " + jwks
          + " (public; give it to serve --trust " + issuer + "=" + jwks + ")");
    }
    Instant now = Instant.now();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES384)
        .keyID(ec.getKeyID()).type(JOSEObjectType.JWT).build(),
        new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(audience)
            .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(lifetime)))
            .jwtID(UUID.randomUUID().toString()).build());
    jwt.sign(new ECDSASigner(ec));
    out.println(jwt.serialize());
    return Main.OK;
  }
}
