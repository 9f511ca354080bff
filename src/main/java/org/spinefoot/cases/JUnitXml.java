package org.spinefoot.cases;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes case results as a JUnit XML report, for CI systems that read one. */
public final class JUnitXml {
  private JUnitXml() {}

  public static void write(Path file, List<CaseResult> results) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
      long failed = results.stream().filter(r -> !r.passed()).count();
      double seconds = results.stream().mapToLong(CaseResult::millis).sum() / 1000.0;
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("testsuite");
      x.writeAttribute("name", "spinefoot test cases");
      x.writeAttribute("tests", String.valueOf(results.size()));
      x.writeAttribute("failures", String.valueOf(failed));
      x.writeAttribute("errors", "0");
      x.writeAttribute("time", String.valueOf(seconds));
      for (CaseResult r : results) {
        x.writeCharacters("\n  ");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", "test-cases");
        x.writeAttribute("name", r.name());
        x.writeAttribute("time", String.valueOf(r.millis() / 1000.0));
        if (!r.passed()) {
          x.writeStartElement("failure");
          x.writeAttribute("message", r.failures().get(0).lines().findFirst().orElse("failed"));
          x.writeCharacters(String.join("\n", r.failures()));
          x.writeEndElement();
        }
        x.writeEndElement();
      }
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write " + file, e);
    }
  }
}
