import EHCPTestSupport
import Foundation
import Testing

/// `convert` as a script uses it: errors fail it, spreadsheets cannot be made to run what a value
/// holds, and JSON as other programs write it is read.
@Suite struct ConvertCLITests {
    private func write(_ text: String, _ name: String) throws -> String {
        let path = try EHCPProcess.temporaryFolder() + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private let minimal =
        "schemaVersion: \"1\"\nauthority: \"926\"\ndateOfRequest: 2026-10-05\nchild:\n  givenNames: Zoe\n  familyName: Smith\n  dateOfBirth: 2016-03-14\n  sex: F\n"

    @Test func anErrorExitsOneAndWritesNothingUnlessForced() throws {
        let input = try write(minimal.replacingOccurrences(of: "sex: F", with: "sex: Q"), "in.yaml")
        let output = input + ".json"
        let refused = try EHCPProcess.run(["convert", input, "--to", "canonical-json", "--output", output])
        #expect(refused.status == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains("child.sex is not a known code; expected one of: M, F, U [SCHEMA-CODE]"))
        #expect(refused.stderr.contains("give --force"))
        #expect(!FileManager.default.fileExists(atPath: output))
        let forced = try EHCPProcess.run(["convert", input, "--to", "canonical-json", "--output", output, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains("\"familyName\": \"Smith\""))
        #expect(try EHCPProcess.run(["convert", input, "--to", "canonical-json", "--force", "--strict"]).status == 2)
    }

    /// XML 1.0 cannot hold most control characters: a value holding one cannot be written as it is.
    @Test func aValueXMLCannotHoldIsAnError() throws {
        let input = try write(
            #"{"schemaVersion": "1", "authority": "926", "dateOfRequest": "2026-10-05", "child": {"givenNames": "Zo\u0001e", "familyName": "Smith", "dateOfBirth": "2016-03-14"}}"#
                + "\n", "in.json")
        for target in ["canonical-xml", "norfolk-referral-xml"] {
            let result = try EHCPProcess.run(["convert", input, "--to", target])
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(
                result.stderr.contains(
                    "error: child.givenNames holds a control character that \(target) (XML) cannot hold; it would be written without it [FORMAT-UNWRITABLE]"))
        }
        #expect(try EHCPProcess.run(["convert", input, "--to", "canonical-json"]).status == 0)
    }

    @Test func strictConvertsBetweenAuthoritiesWhenNothingElseIsLost() throws {
        let folder = try EHCPProcess.temporaryFolder()
        let input = try write(minimal, "in.yaml")
        // A request to Norfolk, written in Camden's format, then Norfolk's, then Staffordshire's: each step sends it elsewhere.
        let chain = ["canonical-yaml", "camden-setting-request-json", "norfolk-referral-xml", "staffordshire-information-request-yaml"]
        var previous = input
        for (source, target) in zip(chain, chain.dropFirst()) {
            let output = folder + "/" + target
            let result = try EHCPProcess.run(["convert", previous, "--from", source, "--to", target, "--strict", "--output", output])
            #expect(result.status == 0, "\(target): \(result.stderr)")
            #expect(!result.stderr.contains("authority"), "\(result.stderr)")
            previous = output
        }
    }

    /// OWASP's CSV injection: a cell starting =, +, -, @, tab or CR is written after a `'`, and read back as it was.
    @Test func csvCellsASpreadsheetWouldRunAreNeutralisedAndReadBackUnchanged() throws {
        let values = [
            ("child.givenNames", "=HYPERLINK(\"http://example.org/x\",\"open\")"), ("child.familyName", "+44 SUM(A1)"),
            ("child.preferredName", "@cmd"), ("requester.name", "-2+3"), ("requester.organisation", "\tTabbed"),
            ("requester.phone", "'=already quoted"), ("reference", "plain 'text'")
        ]
        var yaml = minimal.replacingOccurrences(of: "  givenNames: Zoe\n  familyName: Smith\n", with: "")
        yaml = yaml.replacingOccurrences(of: "authority: \"926\"\n", with: "authority: \"822\"\n")
        yaml += "  givenNames: \(quoted(values[0].1))\n  familyName: \(quoted(values[1].1))\n  preferredName: \(quoted(values[2].1))\n"
        yaml += "requester:\n  role: setting\n  name: \(quoted(values[3].1))\n  organisation: \(quoted(values[4].1))\n  phone: \(quoted(values[5].1))\n"
        yaml += "reference: \(quoted(values[6].1))\n"
        let input = try write(yaml, "in.yaml")
        let csv = input + ".csv"
        let written = try EHCPProcess.run(["convert", input, "--to", "bedford-request-csv", "--output", csv])
        #expect(written.status == 0, "\(written.stderr)")
        let table = try String(contentsOfFile: csv, encoding: .utf8)
        for (_, value) in values.prefix(5) {
            #expect(table.contains("'" + value.replacingOccurrences(of: "\"", with: "\"\"")), "\(value) not neutralised:\n\(table)")
        }
        #expect(table.contains("''=already quoted") && table.contains(",plain 'text',"))
        let back = try EHCPProcess.run(["convert", csv, "--to", "canonical-json"])
        #expect(back.status == 0, "\(back.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(back.stdout.utf8)) as? [String: Any])
        for (path, value) in values {
            let parts = path.split(separator: ".").map(String.init)
            let found = parts.count == 1 ? json[parts[0]] : (json[parts[0]] as? [String: Any])?[parts[1]]
            #expect(found as? String == value, "\(path) came back as \(String(describing: found))")
        }
    }

    private func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\t", with: "\\t") + "\""
    }

    @Test func aCSVRowHoldingOneQuotedEmptyCellIsARow() throws {
        let input = try write("Form\r\nBBC-EHCNA-2018\r\n\"\"\r\n", "in.csv")
        let result = try EHCPProcess.run(["convert", input, "--from", "bedford-request-csv", "--to", "canonical-yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("in.csv:3:1: error: a request file holds one row under the header; this one holds 2"), "\(result.stderr)")
    }

    @Test func jsonSurrogatePairsAreReadAndLoneSurrogatesRefusedWhereTheyStand() throws {
        let line =
            #"{"schemaVersion": "1", "authority": "926", "dateOfRequest": "2026-10-05", "child": {"givenNames": "Zo\ud83d\ude00e \ud83c\udf89", "familyName": "Smith", "dateOfBirth": "2016-03-14", "sex": "Q"}}"#
        let input = try write(line + "\n", "in.json")
        let result = try EHCPProcess.run(["convert", input, "--to", "canonical-json", "--force"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"givenNames\": \"Zo😀e 🎉\""))
        // Locations after the pairs are those of the document as written.
        let column = line.distance(from: line.startIndex, to: line.range(of: "\"Q\"")!.lowerBound) + 1
        #expect(result.stderr.contains("in.json:1:\(column): error: child.sex is not a known code"), "\(result.stderr)")

        let lone = #"{"schemaVersion": "1", "child": {"givenNames": "Zo\ud83de"}}"#
        let loneInput = try write(lone + "\n", "lone.json")
        let refused = try EHCPProcess.run(["convert", loneInput, "--to", "canonical-yaml"])
        #expect(refused.status == 2)
        let loneColumn = lone.distance(from: lone.startIndex, to: lone.range(of: "\\ud83d")!.lowerBound) + 1
        #expect(refused.stderr.contains("lone.json:1:\(loneColumn): error: a lone UTF-16 surrogate"), "\(refused.stderr)")
        let lowFirst = try write(#"{"schemaVersion": "1", "child": {"givenNames": "\ude00\ud83d"}}"# + "\n", "low.json")
        #expect(try EHCPProcess.run(["convert", lowFirst, "--to", "canonical-yaml"]).stderr.contains("a lone UTF-16 surrogate"))
    }
}
