import Testing

@testable import EHCPKit

@Suite struct FieldPathTests {
    /// professionals: [{ role: a, report: [x, y] }, { name: n }, { role: b }]; child.upn; dateOfRequest.
    let application: Application = {
        let professionals: [Value] = [
            Value(.object(Record(fields: ["role": Value(.text("a")), "report": Value(.list([Value(.text("x")), Value(.text("y"))]))]))),
            Value(.object(Record(fields: ["name": Value(.text("n"))]))),
            Value(.object(Record(fields: ["role": Value(.text("b"))])))
        ]
        let child = Record(fields: ["upn": Value(.text("X00180001701A"))])
        return Application(
            root: Record(fields: [
                "professionals": Value(.list(professionals)), "child": Value(.object(child)),
                "graduatedApproach": Value(.list([]))
            ]), file: "application.yaml")
    }()

    @Test func pathsThroughListsAreWrittenWithIndices() {
        #expect(application.values(at: "professionals.role").map(\.path) == ["professionals[0].role", "professionals[2].role"])
        #expect(application.values(at: "professionals.report").map(\.path) == ["professionals[0].report[0]", "professionals[0].report[1]"])
        #expect(application.values(at: "professionals").map(\.path) == ["professionals[0]", "professionals[1]", "professionals[2]"])
        #expect(application.values(at: "child.upn").map(\.path) == ["child.upn"])
        #expect(application.values(at: "child.uln").isEmpty)
        #expect(application.values(at: "child.upn.more").isEmpty)
    }

    @Test func computedValuesAnswerTheirName() {
        let matches = application.values(at: "graduatedApproachCount")
        #expect(matches.map(\.path) == ["graduatedApproachCount"])
        #expect(matches.first?.value.number == 0)
    }

    @Test func firstValueAndContainsStopAtTheFirstAnswer() {
        let roles = FieldPath("professionals.role")
        #expect(application.firstValue(at: roles)?.text == "a")
        var visited = 0
        #expect(
            application.containsValue(at: roles) { value in
                visited += 1
                return value.text == "a"
            })
        #expect(visited == 1)
        #expect(!application.containsValue(at: roles) { $0.text == "c" })
    }
}
