package example;

import org.spinefoot.Answer;
import org.spinefoot.Assessment;
import org.spinefoot.Assessor;
import org.spinefoot.Patient;
import org.spinefoot.PatientSession;
import org.spinefoot.Records;
import org.spinefoot.Sign;

public class Embedding {
  // Loading takes about a second (rules precompiled): load once, share everywhere (thread-safe).
  private static final Assessor ASSESSOR = Assessor.fromClasspath();

  public static void main(String[] args) {
    // Strict: an unknown field, a duplicate key or a null is an InvalidInputException.
    Patient maria = Records.patientFromJson("""
        {"id": "maria", "age": 54, "durationDays": 10,
         "signs": {"fever": "no", "painRadiatesDownLeg": "yes"},
         "numbness": {"foot": "left"}}
        """);
    System.out.println(maria); // Patient[maria: age=54, durationDays=10, signs={...}, ...]

    Assessment result = ASSESSOR.assess(maria);
    System.out.println(result.disposition()); // EMERGENCY, URGENT, SOON or SELF_CARE
    for (Assessment.Finding f : result.findings()) {
      System.out.println(f.urgency() + " " + f.title() + " " + f.inventory());
      f.because().forEach(r -> System.out.println("  because " + r.observations()));
    }
    result.unanswered().forEach(q -> System.out.println("not asked yet: " + q.question()));
    // Which knowledge decided: "spinefoot knowledge base 3.0.0 (active, ...; rules sha256:...)"
    System.out.println(result.knowledge().label());

    // A questionnaire: one session per conversation, updated as each answer comes in.
    try (PatientSession session = ASSESSOR.openSession(maria)) {
      Patient answered = maria.with(Sign.of("bladderOrBowelControlLost"), Answer.ABSENT);
      Assessment after = session.update(answered);
      Assessment back = session.update(answered.withdraw("signs.fever")); // not asked again
      System.out.println(after.disposition() + " then " + back.disposition());
      System.out.println(Records.toJson(back)); // one line of JSON
    }
  }
}
