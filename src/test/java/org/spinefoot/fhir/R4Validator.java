package org.spinefoot.fhir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.convertors.loaders.loaderR5.NullLoaderKnowledgeProviderR5;
import org.hl7.fhir.convertors.loaders.loaderR5.R4ToR5Loader;
import org.hl7.fhir.r5.context.SimpleWorkerContext;
import org.hl7.fhir.r5.elementmodel.Manager.FhirFormat;
import org.hl7.fhir.r5.model.Bundle;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.validation.constants.ReferenceValidationPolicy;
import org.hl7.fhir.utilities.ByteProvider;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.utilities.validation.ValidationMessage.IssueSeverity;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;
import org.hl7.fhir.validation.instance.advisor.BasePolicyAdvisorForFullValidation;

/**
 * The HL7 FHIR validator (org.hl7.fhir.validation, the engine behind validator_cli.jar and HAPI's
 * FhirInstanceValidator) over the R4 4.0.1 definitions that hapi-fhir-validation-resources-r4
 * ships on the classpath: structure (cardinality, types, fixed values), the invariants of every
 * StructureDefinition in FHIRPath (dom-*, que-*, qrs-*, ele-1, ...), required bindings to value
 * sets defined in the core specification, and references to contained resources. Built offline:
 * no package server and no terminology server, so a code from an external system (SNOMED CT,
 * LOINC) is not looked up; the validator reports that as a warning or information, never as an
 * error.
 */
public final class R4Validator {
  /** The core definitions, as the FHIR specification publishes them, in XML bundles. */
  private static final List<String> DEFINITIONS = List.of(
      "profile/profiles-types.xml",
      "profile/profiles-resources.xml",
      "extension/extension-definitions.xml",
      "valueset/valuesets.xml",
      "valueset/v3-codesystems.xml",
      "valueset/v2-tables.xml");

  private static volatile R4Validator shared;

  private final SimpleWorkerContext context;

  private R4Validator(SimpleWorkerContext context) {
    this.context = context;
  }

  /** The one validator of a test run: loading the definitions takes seconds. */
  public static R4Validator get() {
    R4Validator v = shared;
    if (v == null) {
      synchronized (R4Validator.class) {
        v = shared;
        if (v == null) {
          shared = v = load();
        }
      }
    }
    return v;
  }

  private static R4Validator load() {
    // Parsing and converting the bundles (R4 to the validator's R5 model) is most of the time:
    // done in parallel, one loader per bundle; the context takes the results one by one.
    List<Bundle> bundles = DEFINITIONS.parallelStream().map(R4Validator::bundle).toList();
    try {
      // version.info is how the specification's definitions tell the context their version.
      SimpleWorkerContext context = new SimpleWorkerContext.SimpleWorkerContextBuilder()
          .withDefaultParams()
          .fromDefinitions(
              Map.of("version.info", ByteProvider.forBytes(
                  "[FHIR]\nversion=4.0.1\n".getBytes(StandardCharsets.UTF_8))),
              null, null);
      // The published bundles define a few code systems twice (e.g. in valuesets.xml and
      // v3-codesystems.xml).
      context.setAllowLoadingDuplicates(true);
      // No terminology server is reachable here: codes are checked against the code systems
      // and value sets loaded above, and an external system's codes are left unchecked.
      context.setCanRunWithoutTerminology(true);
      context.setNoTerminologyServer(true);
      for (Bundle bundle : bundles) {
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
          context.cacheResource(entry.getResource());
        }
      }
      return new R4Validator(context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Bundle bundle(String name) {
    String resource = "/org/hl7/fhir/r4/model/" + name;
    R4ToR5Loader loader = new R4ToR5Loader(
        Set.of("StructureDefinition", "ValueSet", "CodeSystem"),
        new NullLoaderKnowledgeProviderR5(), "4.0.1");
    try (InputStream in = R4Validator.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath");
      }
      return loader.loadBundle(in, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every message the validator gives for {@code json}, of any severity. */
  public List<ValidationMessage> validate(String json) {
    InstanceValidator validator = new InstanceValidator(
        context, null, null, new ValidatorSession(), new ValidatorSettings());
    // A reference to a resource on the EHR's server (Patient/p1) cannot be fetched here: its
    // form is checked (ref-1), not what it points to. Contained references are still resolved.
    validator.setPolicyAdvisor(new BasePolicyAdvisorForFullValidation(
        ReferenceValidationPolicy.IGNORE, Set.of()));
    // Extensions whose definition is not among the R4 core ones (SDC's, spinefoot's own) are
    // let through as HAPI's FhirInstanceValidator does by default; their shape (url, one value)
    // is still checked against Extension.
    validator.setAnyExtensionsAllowed(true);
    List<ValidationMessage> messages = new ArrayList<>();
    validator.validate(null, messages,
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), FhirFormat.JSON);
    return messages;
  }

  /** The errors (and fatal errors) for {@code json}, one line each, with where and which rule. */
  public List<String> errors(String json) {
    return validate(json).stream()
        .filter(m -> m.getLevel() == IssueSeverity.ERROR || m.getLevel() == IssueSeverity.FATAL)
        .map(m -> m.getLocation() + ": " + m.getMessage()
            + (m.getInvId() == null ? "" : " [" + m.getInvId() + "]"))
        .collect(Collectors.toList());
  }
}
